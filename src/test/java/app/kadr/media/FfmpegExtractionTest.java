package app.kadr.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegExtractionTest {

    private static final int PT_INTERP = 3;

    @TempDir
    Path cache;

    @Test
    void extractsAnExecutableIntoAVersionFolder() throws IOException {
        Path ffmpeg = FfmpegExtraction.extract(cache);

        assertThat(ffmpeg).isEqualTo(cache.resolve("jave-3.5.0").resolve("ffmpeg"));
        assertThat(Files.isExecutable(ffmpeg)).isTrue();
        assertThat(Files.size(ffmpeg)).isGreaterThan(50_000_000L);
    }

    @Test
    void reusesAnEarlierExtraction() throws IOException {
        Path first = FfmpegExtraction.extract(cache);
        long written = Files.getLastModifiedTime(first).toMillis();

        Path second = FfmpegExtraction.extract(cache);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(written);
    }

    @Test
    void replacesAnExtractionOfTheWrongSize() throws IOException {
        Path target = FfmpegExtraction.extract(cache);
        Files.write(target, new byte[] {1, 2, 3});

        assertThat(Files.size(FfmpegExtraction.extract(cache))).isGreaterThan(50_000_000L);
    }

    @Test
    void leavesOneCompleteExecutableWhenTwoExtractAtOnce() throws Exception {
        Callable<Path> extraction = () -> FfmpegExtraction.extract(cache);
        List<Path> results;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Path>> futures = pool.invokeAll(List.of(extraction, extraction));
            results = List.of(futures.get(0).get(), futures.get(1).get());
        }

        assertThat(results.get(0)).isEqualTo(results.get(1));
        try (Stream<Path> files = Files.list(results.get(0).getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("ffmpeg");
        }
        assertThat(Files.size(results.get(0))).isGreaterThan(50_000_000L);
    }

    @Test
    void extractsOnceAndAgainOnlyWhenATmpCleanerDeletedTheBinary() throws IOException {
        FfmpegExtraction bundled = new FfmpegExtraction(cache);
        Path first = bundled.executable();
        assertThat(bundled.executable()).isSameAs(first);
        Files.delete(first);

        Path second = bundled.executable();

        assertThat(second).isEqualTo(first);
        assertThat(Files.isExecutable(second)).isTrue();
    }

    @Test
    void extractsABinaryThatNeedsNoSystemLibrary() throws IOException {
        assertThat(hasProgramInterpreter(FfmpegExtraction.extract(cache)))
                .as("a dynamically linked ELF names its loader in a PT_INTERP header")
                .isFalse();
    }

    /** Reads the ELF64 program headers, the same thing {@code ldd} looks at first. */
    private static boolean hasProgramInterpreter(Path elf) throws IOException {
        try (FileChannel channel = FileChannel.open(elf)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            assertThat(header.getInt(0)).as("ELF magic").isEqualTo(0x464c457f);
            long programHeaders = header.getLong(0x20);
            int entrySize = Short.toUnsignedInt(header.getShort(0x36));
            int entries = Short.toUnsignedInt(header.getShort(0x38));
            ByteBuffer type = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < entries; i++) {
                type.clear();
                channel.read(type, programHeaders + (long) i * entrySize);
                if (type.getInt(0) == PT_INTERP) {
                    return true;
                }
            }
            return false;
        }
    }
}
