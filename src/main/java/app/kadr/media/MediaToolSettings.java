package app.kadr.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which ffmpeg and ffprobe decode files, and how much of the machine each run may take ({@code kadr.media.*}).
 *
 * @param ffmpeg a path or a command name on PATH ({@code KADR_FFMPEG}); empty for the static build bundled in the jar
 * @param ffprobe likewise ({@code KADR_FFPROBE}); empty means the {@code ffprobe} beside a configured ffmpeg, if any,
 *     else probing reads what ffmpeg prints about its input
 * @param ffmpegThreads threads one ffmpeg may use for decoding, filtering and encoding ({@code -threads})
 * @param probeTimeLimit limit for reading what a file holds
 * @param previewTimeLimit limit for one poster frame or hover clip of a video
 * @param renderTimeLimit limit for one clip or upscale of the offline engine
 */
@ConfigurationProperties("kadr.media")
public record MediaToolSettings(
        @DefaultValue("") String ffmpeg,
        @DefaultValue("") String ffprobe,
        @DefaultValue("2") int ffmpegThreads,
        @DefaultValue("30s") Duration probeTimeLimit,
        @DefaultValue("5m") Duration previewTimeLimit,
        @DefaultValue("30m") Duration renderTimeLimit) {

    static final int MAX_THREADS = 64;

    public MediaToolSettings {
        ffmpeg = ffmpeg == null ? "" : ffmpeg.strip();
        ffprobe = ffprobe == null ? "" : ffprobe.strip();
        if (ffmpegThreads < 1 || ffmpegThreads > MAX_THREADS) {
            throw new IllegalArgumentException(
                    "KADR_FFMPEG_THREADS must be between 1 and " + MAX_THREADS + ", not " + ffmpegThreads);
        }
        requirePositive(probeTimeLimit, "KADR_FFMPEG_PROBE_TIME_LIMIT");
        requirePositive(previewTimeLimit, "KADR_FFMPEG_PREVIEW_TIME_LIMIT");
        requirePositive(renderTimeLimit, "KADR_FFMPEG_RENDER_TIME_LIMIT");
    }

    /** The bundled ffmpeg, no ffprobe, the documented limits. */
    public static MediaToolSettings defaults() {
        return new MediaToolSettings("", "", 2, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30));
    }

    MediaToolSettings withTools(String ffmpeg, String ffprobe) {
        return new MediaToolSettings(ffmpeg, ffprobe, ffmpegThreads, probeTimeLimit, previewTimeLimit, renderTimeLimit);
    }

    MediaToolSettings withLimits(int threads, Duration probe, Duration preview, Duration render) {
        return new MediaToolSettings(ffmpeg, ffprobe, threads, probe, preview, render);
    }

    Duration timeLimit(FfmpegWork work) {
        return switch (work) {
            case PROBE -> probeTimeLimit;
            case PREVIEW -> previewTimeLimit;
            case RENDER -> renderTimeLimit;
        };
    }

    private static void requirePositive(Duration limit, String variable) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException(variable + " must be a positive duration such as 30s or 5m");
        }
    }
}
