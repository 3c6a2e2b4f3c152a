package app.kadr.media;

/**
 * The kinds of work ffmpeg does for the studio; each has its own time limit ({@code KADR_FFMPEG_*_TIME_LIMIT}),
 * because reading a header, previewing an upload and rendering a clip take very different times.
 */
public enum FfmpegWork {
    /** Reading what a file holds (ffprobe, or ffmpeg describing its input). */
    PROBE,
    /** Poster frames and hover clips of an uploaded or generated video. */
    PREVIEW,
    /**
     * The offline engine's clips and upscales, and the full-quality renditions a client reviews: work whose cost grows
     * with the size and length of the film.
     */
    RENDER
}
