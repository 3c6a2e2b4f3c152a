package app.kadr.passport;

import app.kadr.asset.ProvenanceRow;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The columns of the spreadsheet formats, in order, each with its Russian heading (a message key) and its
 * value. Values are strings, numbers, instants or {@link Link}s; a writer decides how each type looks.
 */
enum PassportColumn {
    SHOT_NUMBER(30, r -> r.source().shotNumber()),
    SHOT_TITLE(120, r -> r.source().shotTitle()),
    ASSET_ID(140, r -> r.source().assetId().toString()),
    FILE_NAME(120, r -> new Link(r.source().fileName(), r.fileUrl())),
    KIND(40, PassportRow::kindLabel),
    ORIGIN(60, PassportRow::originLabel),
    HEADLINER(40, PassportRow::headlinerLabel),
    PROVIDER(
            60,
            r -> r.source().providerName() != null
                    ? r.source().providerName()
                    : r.source().provider()),
    MODEL_VENDOR(60, r -> r.source().modelVendor()),
    MODEL_NAME(90, r -> r.source().modelName()),
    MODEL_EXTERNAL_ID(120, r -> r.source().modelExternalId()),
    PROMPT(250, r -> r.source().prompt()),
    ELEMENTS(120, PassportRow::elementsText),
    LORAS(160, PassportRow::lorasText),
    NEGATIVE_PROMPT(150, r -> r.source().negativePrompt()),
    SEED(70, r -> r.source().seed()),
    PARAMS(200, PassportRow::paramsText),
    SOURCE_ASSETS(140, r -> ids(r.source())),
    PARENT_ASSET(
            140,
            r -> r.source().parentAssetId() == null
                    ? null
                    : r.source().parentAssetId().toString()),
    EDIT_REQUEST(150, r -> r.source().editInstruction()),
    CREATED_AT(70, r -> r.source().createdAt()),
    COST(40, PassportRow::cost),
    FILE_URL(250, PassportRow::fileUrl);

    /** A file name that opens the file; spreadsheets make it a hyperlink, text formats write the name. */
    record Link(String text, String url) {}

    private final int widthInPixels;
    private final Function<PassportRow, @Nullable Object> value;

    PassportColumn(int widthInPixels, Function<PassportRow, @Nullable Object> value) {
        this.widthInPixels = widthInPixels;
        this.value = value;
    }

    String headingKey() {
        return "passport.column." + name().toLowerCase(java.util.Locale.ROOT);
    }

    int widthInPixels() {
        return widthInPixels;
    }

    @Nullable
    Object valueOf(PassportRow row) {
        return value.apply(row);
    }

    private static String ids(ProvenanceRow source) {
        return source.sourceAssetIds().stream().map(UUID::toString).collect(Collectors.joining(", "));
    }
}
