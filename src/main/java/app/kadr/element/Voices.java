package app.kadr.element;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A character's voice: a note in words and, as a sample, an audio take of the character's own project. A take that
 * is not such (another project's, someone else's, a picture) is a wrong value, 400, not a missing page.
 */
@Component
class Voices {

    static final int MAX_NOTE = 1000;

    private final AssetService assets;
    private final Access access;

    Voices(AssetService assets, Access access) {
        this.assets = assets;
        this.access = access;
    }

    /** The note as kept: stripped, and none when blank. */
    @Nullable
    String note(@Nullable String note, ElementKind kind) {
        String value = note == null ? "" : note.strip();
        if (value.isEmpty()) {
            return null;
        }
        requireCharacter(kind, "voiceNote");
        if (value.length() > MAX_NOTE) {
            throw KadrException.invalid("voiceNote", "element.voice.note.long", MAX_NOTE);
        }
        return value;
    }

    /** The sample's take, none for an empty value; checked without throwing inside another module's transaction. */
    @Nullable
    UUID sample(UUID ownerId, UUID projectId, @Nullable String assetId, ElementKind kind) {
        String value = assetId == null ? "" : assetId.strip();
        if (value.isEmpty()) {
            return null;
        }
        requireCharacter(kind, "voiceAssetId");
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw KadrException.invalid("voiceAssetId", "element.voice.sample.invalid");
        }
        if (access.ownerOf(OwnedKind.ASSET, id).filter(ownerId::equals).isEmpty()) {
            throw KadrException.invalid("voiceAssetId", "element.voice.sample.invalid");
        }
        Owned take = access.require(ownerId, OwnedKind.ASSET, id);
        if (!projectId.equals(take.projectId()) || !assets.get(ownerId, id).isAudio()) {
            throw KadrException.invalid("voiceAssetId", "element.voice.sample.invalid");
        }
        return id;
    }

    /** The sample to play, if its take is still there. */
    Optional<Asset> shown(UUID ownerId, @Nullable UUID assetId) {
        if (assetId == null) {
            return Optional.empty();
        }
        return access.ownerOf(OwnedKind.ASSET, assetId)
                .filter(ownerId::equals)
                .map(owner -> assets.get(owner, assetId));
    }

    private static void requireCharacter(ElementKind kind, String field) {
        if (kind != ElementKind.CHARACTER) {
            throw KadrException.invalid(field, "element.voice.not_character");
        }
    }
}
