package app.kadr.media;

/** Turns an ffmpeg failure into the reason the person sees. */
final class MediaFailures {

    private MediaFailures() {}

    /**
     * @param failedKey the reason when ffmpeg refused the input, e.g. {@code media.video.unreadable}
     */
    static MediaException of(FfmpegException e, String failedKey) {
        return switch (e.reason()) {
            case FAILED -> new MediaException(failedKey, e);
            case TIMED_OUT -> new MediaException("media.video.timed_out", e, e.timeLimitInRussian());
            case UNAVAILABLE, INTERRUPTED -> new MediaException("media.processing.failed", e);
        };
    }
}
