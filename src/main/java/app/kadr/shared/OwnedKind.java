package app.kadr.shared;

/**
 * The kinds of things a person owns, each with the name its id has in every address ({@code /projects/{projectId}}).
 * A new kind gets a constant here and an {@link AccessRule} in the module that owns its table; {@code OwnershipTests}
 * then asks a stranger for it at every address that names it.
 */
public enum OwnedKind {
    PROJECT("projectId"),
    SHOT("shotId"),
    ASSET("assetId"),
    GENERATION("generationId"),
    DIRECT_UPLOAD("uploadId"),
    SHARE_LINK("linkId"),
    COMMENT("commentId"),
    API_TOKEN("tokenId"),
    BATCH("batchId"),
    ELEMENT("elementId"),
    EXPORT("exportId");

    private final String pathVariable;

    OwnedKind(String pathVariable) {
        this.pathVariable = pathVariable;
    }

    /** The name of the path variable that carries an id of this kind. */
    public String pathVariable() {
        return pathVariable;
    }
}
