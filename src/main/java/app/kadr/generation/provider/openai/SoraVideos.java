package app.kadr.generation.provider.openai;

import app.kadr.generation.provider.MultipartForm;
import app.kadr.generation.provider.Poll;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderException.Kind;
import app.kadr.generation.provider.ProviderExchange;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.generation.provider.SourceImage;
import app.kadr.generation.provider.Submission;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sora 2 videos: a multipart {@code POST /videos} starts a job (one video per job, so {@code count} is not
 * sent), {@code GET /videos/{id}} reports it. The finished file at {@code /videos/{id}/content} needs the key
 * to download, and the runner downloads without credentials, so the poll that sees {@code completed} fetches
 * the video itself and returns it inline.
 */
final class SoraVideos {

    private SoraVideos() {}

    static boolean handles(ProviderRequest request) {
        return request.externalId().startsWith("sora");
    }

    static Submission submit(RestClient api, ProviderRequest request) throws ProviderException {
        MultipartForm form = new MultipartForm().fields(request.input()).field("model", request.externalId());
        // input_reference is optional: without a source Sora makes the video from the prompt alone.
        for (SourceImage source : request.sources()) {
            if (!source.role().equals("image")) {
                // Sora starts from one reference frame; it has no mask or end frame.
                throw ProviderException.badInput(source.role(), null);
            }
            Object size = request.input().get("size");
            byte[] frame = ReferenceFrame.fitted(source, size == null ? ReferenceFrame.DEFAULT_SIZE : size.toString());
            form.file("input_reference", frame, "reference.png", "image/png");
        }
        ProviderExchange answer = ProviderExchange.of(api.post()
                .uri("/videos")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form.body()));
        if (!answer.ok()) {
            throw OpenAiErrors.of(answer);
        }
        VideoJob job = read(answer);
        if (job.id() == null) {
            throw ProviderException.of(Kind.FAILED, answer.raw());
        }
        return Submission.queued(job.id(), answer.raw());
    }

    static Poll poll(RestClient api, String videoId) throws ProviderException {
        ProviderExchange answer = ProviderExchange.of(api.get().uri("/videos/{id}", videoId));
        if (!answer.ok()) {
            throw OpenAiErrors.of(answer);
        }
        VideoJob job = read(answer);
        String status = job.status() == null ? "" : job.status();
        return switch (status) {
            case "queued" -> new Poll.Waiting(false, job.fraction(), null);
            case "in_progress" -> new Poll.Waiting(true, job.fraction(), null);
            case "completed" -> new Poll.Finished(List.of(content(api, videoId)), null, answer.raw());
            case "failed" -> throw OpenAiErrors.failedJob(job.error(), answer.raw());
            // A status we do not know would otherwise be waited on forever.
            default -> throw ProviderException.of(Kind.FAILED, answer.raw());
        };
    }

    /**
     * OpenAI documents no cancel for a video job, only {@code DELETE /videos/{id}}, which removes it; a job
     * OpenAI no longer knows is as good as cancelled.
     */
    static void cancel(RestClient api, String videoId) throws ProviderException {
        ProviderExchange answer = ProviderExchange.of(api.delete().uri("/videos/{id}", videoId));
        if (!answer.ok() && answer.status() != 404) {
            throw OpenAiErrors.of(answer);
        }
    }

    private static ProviderResult content(RestClient api, String videoId) throws ProviderException {
        ProviderExchange video = ProviderExchange.of(api.get().uri("/videos/{id}/content", videoId));
        if (!video.ok()) {
            throw OpenAiErrors.of(video);
        }
        return ProviderResult.inline(video.body(), mimeType(video.contentType()), null);
    }

    private static String mimeType(@Nullable MediaType contentType) {
        return contentType == null || contentType.getType().equals("application")
                ? "video/mp4"
                : contentType.getType() + "/" + contentType.getSubtype();
    }

    private static VideoJob read(ProviderExchange answer) throws ProviderException {
        try {
            return JsonMapper.shared().readValue(answer.body(), VideoJob.class);
        } catch (JacksonException notJson) {
            throw ProviderException.of(Kind.FAILED, answer.raw());
        }
    }
}
