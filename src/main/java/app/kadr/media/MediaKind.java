package app.kadr.media;

/** What an asset is, as the API names it. */
public enum MediaKind {
    IMAGE,
    VIDEO;

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
