package app.kadr.asset;

import app.kadr.media.DetectedMedia;
import app.kadr.media.MediaException;
import app.kadr.media.MediaInspector;
import app.kadr.media.MediaKind;
import app.kadr.shared.KadrException;
import app.kadr.shared.KadrProperties;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks uploaded files before anything is stored: type by content, size by kind, readable headers.
 * Either every file of a request is accepted or none is, and a refusal leaves no file behind.
 */
@Component
class Uploads {

    /** A file that passed every check, staged in a work folder until it is taken into the store. */
    record Accepted(String fileName, DetectedMedia media, Path staged, long bytes) {}

    /** The staged files of one request; closing it removes whatever the store did not take. */
    record Batch(List<Accepted> files, Path workDir) implements AutoCloseable {
        @Override
        public void close() {
            try {
                FileSystemUtils.deleteRecursively(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final MediaInspector inspector;
    private final BlobStore blobs;
    private final KadrProperties.Upload limits;
    private final Messages messages;

    Uploads(MediaInspector inspector, BlobStore blobs, KadrProperties properties, Messages messages) {
        this.inspector = inspector;
        this.blobs = blobs;
        this.limits = properties.upload();
        this.messages = messages;
    }

    Batch accept(List<MultipartFile> files) throws IOException {
        if (files.isEmpty()) {
            throw KadrException.invalid("file", "problem.missing_file.detail");
        }
        Path workDir = blobs.newWorkDir();
        Batch batch = new Batch(new ArrayList<>(), workDir);
        try {
            for (MultipartFile file : files) {
                batch.files()
                        .add(accept(
                                file, workDir.resolve("upload-" + batch.files().size())));
            }
            return batch;
        } catch (RuntimeException | IOException e) {
            batch.close();
            throw e;
        }
    }

    private Accepted accept(MultipartFile file, Path staged) throws IOException {
        String name = FileNames.clean(file.getOriginalFilename());
        file.transferTo(staged);
        return check(name, staged, null);
    }

    /**
     * The checks of an upload on a file already received: type by content, size by kind. A refusal is a
     * {@link KadrException} with a Russian reason, as the given problem or, without one, the problem of its kind.
     */
    Accepted check(String name, Path file, @Nullable Problem refusedAs) throws IOException {
        long size = Files.size(file);
        DetectedMedia media;
        try {
            media = inspector.inspect(file, limits.maxImagePixels());
        } catch (MediaException e) {
            Problem problem = refusedAs != null ? refusedAs : problemOf(e.reasonKey());
            throw refusal(name, problem, messages.get(e.reasonKey(), e.args()));
        }
        // A sound file is held to the video limit: both are streams, and a voice track is far smaller than either.
        long limit = media.kind() == MediaKind.IMAGE ? limits.maxImageBytes() : limits.maxVideoBytes();
        if (size > limit) {
            String key = "upload.too_large." + media.kind().apiName();
            throw refusal(
                    name, refusedAs != null ? refusedAs : Problem.TOO_LARGE, messages.get(key, readableSize(limit)));
        }
        return new Accepted(name, media, file, size);
    }

    private static KadrException refusal(String fileName, Problem problem, String reason) {
        return new KadrException(problem, "upload.refused", "file", fileName, reason);
    }

    private static Problem problemOf(String reasonKey) {
        return switch (reasonKey) {
            case "media.empty", "media.image.damaged" -> Problem.VALIDATION;
            case "media.image.too_many_pixels" -> Problem.TOO_LARGE;
            default -> Problem.UNSUPPORTED_MEDIA;
        };
    }

    /** A limit as people say it: «50 МБ», «20 КБ». */
    private String readableSize(long bytes) {
        long megabytes = bytes / (1024 * 1024);
        return megabytes >= 1
                ? messages.get("upload.size.megabytes", megabytes)
                : messages.get("upload.size.kilobytes", Math.max(1, bytes / 1024));
    }
}
