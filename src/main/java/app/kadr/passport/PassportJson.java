package app.kadr.passport;

import app.kadr.asset.ProvenanceRow;
import app.kadr.element.ElementUse;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The passport for scripts: the project, the moment of export and the rows with raw codes and values. */
@Component
class PassportJson {

    record Document(Project project, Instant exportedAt, List<Row> rows) {}

    record Project(UUID id, String name) {}

    record Row(
            int shotNumber,
            String shotTitle,
            UUID shotId,
            UUID assetId,
            String fileName,
            String fileUrl,
            String kind,
            String origin,
            String mimeType,
            boolean headliner,
            Instant createdAt,
            @Nullable UUID generationId,
            @Nullable String provider,
            @Nullable String providerName,
            @Nullable String modelVendor,
            @Nullable String modelName,
            @Nullable String modelExternalId,
            @Nullable String prompt,
            List<ElementUse> elements,
            List<PassportRow.Lora> loras,
            @Nullable String negativePrompt,
            @Nullable Long seed,
            Map<String, Object> params,
            List<UUID> sourceAssetIds,
            @Nullable UUID parentAssetId,
            @Nullable String editRequest,
            @Nullable BigDecimal cost) {

        static Row of(PassportRow row) {
            ProvenanceRow s = row.source();
            return new Row(
                    s.shotNumber(),
                    s.shotTitle(),
                    s.shotId(),
                    s.assetId(),
                    s.fileName(),
                    row.fileUrl(),
                    s.kind(),
                    s.origin(),
                    s.mimeType(),
                    s.headliner(),
                    s.createdAt(),
                    s.generationId(),
                    s.provider(),
                    s.providerName(),
                    s.modelVendor(),
                    s.modelName(),
                    s.modelExternalId(),
                    s.prompt(),
                    row.elements(),
                    row.loras(),
                    s.negativePrompt(),
                    s.seed(),
                    s.params(),
                    s.sourceAssetIds(),
                    s.parentAssetId(),
                    s.editInstruction(),
                    row.cost());
        }
    }

    private final JsonMapper json;

    PassportJson(JsonMapper json) {
        this.json = json;
    }

    void write(PassportDocument document, OutputStream out) {
        json.writeValue(
                out,
                new Document(
                        new Project(document.projectId(), document.projectName()),
                        document.exportedAt(),
                        document.rows().stream().map(Row::of).toList()));
    }
}
