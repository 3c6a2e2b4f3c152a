package app.kadr.media;

/**
 * The demuxers ffmpeg may use for an input. Files come from strangers, so ffmpeg is not left to guess: a file that
 * says it is an MP4 but whose bytes are an HLS playlist or a concat list (which would make ffmpeg open other files or
 * addresses) is refused as unreadable instead.
 */
public enum InputFormat {
    /** MP4, MOV and WebM uploads and generated videos. */
    VIDEO("mov,matroska"),
    /** Stills the offline engine animates or upscales. */
    STILL_IMAGE("image2,png_pipe,jpeg_pipe,webp_pipe,gif,bmp_pipe"),
    /** MP3, WAV, M4A (an ISO box) and Ogg uploads. */
    AUDIO("mp3,wav,mov,ogg"),
    /**
     * A concat list the studio wrote itself, naming MP4 segments it rendered in the same folder (an export's
     * animatic); the segments are read through the same whitelist.
     */
    SEGMENT_LIST("concat,mov"),
    /** A sound laid under a whole film: the sound of a video take, or an audio file. */
    SOUND("mov,matroska,mp3,wav,ogg,flac,aac");

    private final String demuxers;

    InputFormat(String demuxers) {
        this.demuxers = demuxers;
    }

    /** For {@code -format_whitelist}. */
    String demuxers() {
        return demuxers;
    }
}
