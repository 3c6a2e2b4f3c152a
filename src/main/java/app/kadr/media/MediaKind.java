package app.kadr.media;

/** What an asset is, as the API names it. */
public enum MediaKind {
    IMAGE,
    VIDEO,
    /** A sound track (MP3, WAV, M4A, Ogg): a lip sync's voice, a score; never a shot's picture. */
    AUDIO;

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
