package app.kadr.generation.provider.local;

import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderAdapter;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import app.kadr.localengine.AnimateRequest;
import app.kadr.localengine.DraftRequest;
import app.kadr.localengine.InpaintRequest;
import app.kadr.localengine.LocalEngine;
import app.kadr.localengine.LocalEngineException;
import app.kadr.localengine.OutpaintRequest;
import app.kadr.localengine.UpscaleRequest;
import app.kadr.shared.Messages;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the built-in engine synchronously: every submit answers with its result, so nothing is ever polled.
 * Input names are the ones the catalog maps the local models to: {@code prompt}, {@code size} ("1280x720"),
 * {@code seed}, {@code duration}, {@code scale}; the source image arrives as a {@link SourceImage}.
 */
@Component
class LocalAdapter implements ProviderAdapter {

    private static final int FPS = 24;

    private final LocalEngine engine;
    private final BlobStore blobs;
    private final Messages messages;

    LocalAdapter(LocalEngine engine, BlobStore blobs, Messages messages) {
        this.engine = engine;
        this.blobs = blobs;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public Submission submit(ProviderRequest request) throws ProviderException {
        Path work = null;
        try {
            work = blobs.newWorkDir();
            long seed = number(request, "seed", 0);
            ProviderResult result = switch (request.task()) {
                case "text_to_image" -> image(engine.draft(draft(request, seed), work), seed);
                case "image_to_video" -> video(engine.animate(animation(request, seed), work), seed);
                case "upscale" ->
                    image(
                            engine.upscale(
                                    new UpscaleRequest(source(request), (int) number(request, "scale", 2)), work),
                            null);
                case "inpaint" ->
                    image(engine.inpaint(new InpaintRequest(source(request), source(request, "mask")), work), seed);
                case "outpaint" -> image(engine.outpaint(canvas(request), work), seed);
                default -> throw ProviderException.badInput("task", "The local engine cannot do " + request.task());
            };
            return new Submission(UUID.randomUUID().toString(), List.of(result), null, null);
        } catch (LocalEngineException e) {
            // The engine's reason is a sentence for the person, not a field of a provider's API.
            throw new ProviderException(
                    ProviderException.Kind.ENGINE_REFUSED, messages.get(e.reasonKey(), e.args()), null, e.reasonKey());
        } catch (IOException e) {
            throw ProviderException.of(ProviderException.Kind.FAILED, e.toString());
        } finally {
            forget(work);
        }
    }

    /** The engine runs here, costs nothing and keeps nothing once a submit is cut short, so it can simply run again. */
    @Override
    public boolean resubmitsSafely() {
        return true;
    }

    @Override
    public Poll poll(ProviderRequest request, String providerRequestId) throws ProviderException {
        // Submissions finish at once; a poll means the job was lost in between, so it must be made again.
        throw ProviderException.of(ProviderException.Kind.FAILED, "Local results are never polled");
    }

    @Override
    public void cancel(ProviderRequest request, String providerRequestId) {
        // Nothing runs in the background to stop.
    }

    private static DraftRequest draft(ProviderRequest request, long seed) throws ProviderException {
        int[] size = size(request);
        Object negative = request.input().get("negative_prompt");
        return new DraftRequest(
                String.valueOf(request.input().getOrDefault("prompt", "")),
                seed,
                size[0],
                size[1],
                negative == null ? null : negative.toString(),
                references(request));
    }

    /**
     * The elements' reference images, from the marks the studio put in the mapped {@code references} field
     * ({@code "$source:ref1"}, …), in that order.
     */
    private static List<Path> references(ProviderRequest request) throws ProviderException {
        if (!(request.input().get("references") instanceof List<?> marks)) {
            return List.of();
        }
        List<Path> files = new java.util.ArrayList<>();
        for (Object mark : marks) {
            String role = String.valueOf(mark).replaceFirst("^\\$source:", "");
            files.add(source(request, role));
        }
        return files;
    }

    private static AnimateRequest animation(ProviderRequest request, long seed) throws ProviderException {
        return new AnimateRequest(source(request), seed, number(request, "duration", 5), 1280, 720, FPS);
    }

    private static int[] size(ProviderRequest request) throws ProviderException {
        String size = String.valueOf(request.input().getOrDefault("size", "1280x720"));
        String[] parts = size.split("x");
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (RuntimeException e) {
            throw ProviderException.badInput("size", "Not a size: " + size);
        }
    }

    private static long number(ProviderRequest request, String field, long fallback) throws ProviderException {
        Object value = request.input().get(field);
        if (value == null) {
            return fallback;
        }
        try {
            return value instanceof Number n
                    ? n.longValue()
                    : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw ProviderException.badInput(field, "Not a number: " + value);
        }
    }

    private static Path source(ProviderRequest request) throws ProviderException {
        return source(request, "image");
    }

    private static Path source(ProviderRequest request, String role) throws ProviderException {
        return request.sources().stream()
                .filter(source -> source.role().equals(role))
                .map(SourceImage::file)
                .findFirst()
                .orElseThrow(() -> ProviderException.badInput(role, "The task needs a source of role " + role));
    }

    /** The canvas the studio worked out: {@code canvas_size}, {@code image_size}, {@code image_location}, each a pair. */
    private static OutpaintRequest canvas(ProviderRequest request) throws ProviderException {
        int[] canvas = pair(request, "canvas_size");
        int[] image = pair(request, "image_size");
        int[] at = pair(request, "image_location");
        return new OutpaintRequest(source(request), canvas[0], canvas[1], image[0], image[1], at[0], at[1]);
    }

    private static int[] pair(ProviderRequest request, String field) throws ProviderException {
        if (request.input().get(field) instanceof List<?> list
                && list.size() == 2
                && list.get(0) instanceof Number first
                && list.get(1) instanceof Number second) {
            return new int[] {first.intValue(), second.intValue()};
        }
        throw ProviderException.badInput(
                field, "Not a pair of numbers: " + request.input().get(field));
    }

    private static ProviderResult image(Path file, @Nullable Long seed) throws IOException {
        return ProviderResult.inline(Files.readAllBytes(file), "image/png", seed);
    }

    private static ProviderResult video(Path file, long seed) throws IOException {
        return ProviderResult.inline(Files.readAllBytes(file), "video/mp4", seed);
    }

    private static void forget(@Nullable Path work) {
        if (work != null) {
            try {
                FileSystemUtils.deleteRecursively(work);
            } catch (IOException ignored) {
                // A scratch folder left behind is harmless; the next clean-up of tmp takes it.
            }
        }
    }
}
