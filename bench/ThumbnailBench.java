import app.kadr.media.ImageDerivatives;
import app.kadr.media.ImageProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of Kadr's real thumbnailing, {@link ImageProcessor#derive}: one decode, a 1440 px preview, a 320 px
 * thumbnail (both JPEG) and the ThumbHash. Run by bench/thumbnails.sh with the app's classes and libraries on the
 * class path (java's source launcher, no build step):
 *
 * <pre>java -cp CLASSES:LIBS/* bench/ThumbnailBench.java WORK_DIR THREADS WARMUP_PASSES PASSES FILE...</pre>
 *
 * Prints one line: {@code threads=N images=M seconds=S images_per_s=R median_ms=X thumb_bytes=... preview_bytes=...}
 */
public class ThumbnailBench {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int warmupPasses = Integer.parseInt(args[2]);
        int passes = Integer.parseInt(args[3]);
        List<Path> files = Arrays.stream(args, 4, args.length).map(Path::of).toList();
        ImageProcessor processor = new ImageProcessor();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(processor, pool, work, files, warmupPasses); // JIT warm-up, not measured
            long started = System.nanoTime();
            Result r = run(processor, pool, work, files, passes);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] each = r.millis.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                    "threads=%d images=%d seconds=%.3f images_per_s=%.3f median_ms=%d min_ms=%d max_ms=%d"
                            + " thumb_bytes_median=%d preview_bytes_median=%d%n",
                    threads,
                    each.length,
                    seconds,
                    each.length / seconds,
                    each[each.length / 2],
                    each[0],
                    each[each.length - 1],
                    median(r.thumbBytes),
                    median(r.previewBytes));
        } finally {
            pool.shutdownNow();
        }
    }

    private record Result(List<Long> millis, List<Long> thumbBytes, List<Long> previewBytes) {}

    private static Result run(ImageProcessor processor, ExecutorService pool, Path work, List<Path> files, int passes)
            throws Exception {
        List<Future<long[]>> futures = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    Path dir = Files.createTempDirectory(work, "derive");
                    long t0 = System.nanoTime();
                    ImageDerivatives d = processor.derive(file, dir);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    long[] out = {ms, Files.size(d.thumb()), Files.size(d.preview()), d.thumbhash().length()};
                    Files.delete(d.thumb());
                    Files.delete(d.preview());
                    Files.delete(dir);
                    return out;
                }));
            }
        }
        Result r = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Future<long[]> f : futures) {
            long[] v = f.get();
            r.millis.add(v[0]);
            r.thumbBytes.add(v[1]);
            r.previewBytes.add(v[2]);
        }
        return r;
    }

    private static long median(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray()[values.size() / 2];
    }
}
