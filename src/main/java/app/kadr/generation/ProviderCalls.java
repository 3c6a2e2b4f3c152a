package app.kadr.generation;

import app.kadr.asset.AssetService;
import app.kadr.asset.MaskService;
import app.kadr.asset.SourceFile;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.ProviderKind;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.generation.provider.SourceImage;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.OutboundUrls;
import app.kadr.shared.OwnedKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a stored generation into the request its provider understands: Kadr's field names become the provider's,
 * the seed and prompt go in, and source assets become files.
 */
@Component
class ProviderCalls {

    private static final String PLACEHOLDER = "$source:";

    private final Catalog catalog;
    private final AssetService assets;
    private final JdbcClient jdbc;
    private final Access access;
    private final MaskService masks;
    private final GenerationReferences references;
    private final GenerationLoras loras;

    ProviderCalls(
            Catalog catalog,
            AssetService assets,
            JdbcClient jdbc,
            Access access,
            MaskService masks,
            GenerationReferences references,
            GenerationLoras loras) {
        this.loras = loras;
        this.references = references;
        this.masks = masks;
        this.catalog = catalog;
        this.assets = assets;
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The whole request for a submit: the input in the provider's words and the source images as files. */
    ProviderRequest request(GenerationRow generation, CatalogModel model) throws ProviderException {
        List<SourceImage> sources = sources(generation);
        List<UUID> sentReferences = references.of(generation.id()).sent();
        sources.addAll(referenceImages(generation, sentReferences));
        Map<String, Object> input = input(generation, model);
        if (!sentReferences.isEmpty() && model.referenceLimit() > 0) {
            markReferences(input, model.providerField("referenceImages"), sentReferences.size());
        }
        List<GenerationLoras.Used> sentLoras = loras.of(generation.id()).sent();
        if (!sentLoras.isEmpty() && model.acceptsLoras()) {
            input.put(model.providerField("loras"), loraList(model.provider().kind(), sentLoras));
        }
        if (takesSourcesInTheInput(model)) {
            // A video's and a sound's place, like an image's: the adapter puts the file where the mark is.
            for (SourceImage source : sources) {
                String kadrInput = SourceInputs.INPUT_OF_KIND.get(source.role());
                if (kadrInput != null && model.accepts(kadrInput)) {
                    input.put(model.providerField(kadrInput), PLACEHOLDER + source.role());
                }
            }
        }
        return request(model, input, sources, generation.variants());
    }

    /**
     * fal takes files inside its JSON input and Stability as form parts named per endpoint ({@code image},
     * {@code subject_image}); both learn the field from a {@code "$source:<role>"} mark at the mapped field.
     */
    private static boolean takesSourcesInTheInput(CatalogModel model) {
        return model.provider().kind() == ProviderKind.FAL || model.provider().kind() == ProviderKind.STABILITY;
    }

    /**
     * The request as it was submitted, for a poll, a look-up or a cancel: the input stored at the submit and no
     * source files, so a source trashed since then cannot stop the job from being followed or cancelled. Only the
     * key is read again, since the provider still wants it.
     */
    ProviderRequest submitted(GenerationRow generation, CatalogModel model) throws ProviderException {
        Map<String, Object> sent = generation.sent();
        return request(model, sent != null ? sent : input(generation, model), List.of(), generation.variants());
    }

    /**
     * Checks the provider's address before the key is even read, so a provider pointed (or a name re-pointed) inside
     * the network never receives it.
     */
    private ProviderRequest request(
            CatalogModel model, Map<String, Object> input, List<SourceImage> sources, int variants)
            throws ProviderException {
        String baseUrl =
                model.provider().baseUrl() == null ? "" : model.provider().baseUrl();
        if (!baseUrl.isBlank()) {
            try {
                OutboundUrls.check(baseUrl, model.provider().selfHosted());
            } catch (OutboundUrls.Refused e) {
                throw ProviderException.of(ProviderException.Kind.FORBIDDEN_ADDRESS, e.getMessage());
            }
        }
        return new ProviderRequest(
                baseUrl,
                catalog.apiKey(model.provider()).orElse(null),
                model.externalId(),
                model.task().code(),
                input,
                sources,
                variants,
                model.workflow(),
                model.provider().selfHosted());
    }

    /** The parameters in the provider's own words; what the provider gets is also what provenance records. */
    static Map<String, Object> input(GenerationRow generation, CatalogModel model) {
        Map<String, Object> input = new LinkedHashMap<>();
        generation.params().forEach((field, value) -> {
            // An outpaint's choices became its canvas geometry; a provider gets them only if it maps them itself.
            if (!OutpaintCanvas.CHOICES.contains(field) || model.accepts(field)) {
                input.put(model.providerField(field), value);
            }
        });
        if (!generation.prompt().isBlank()) {
            input.put(model.providerField("prompt"), generation.prompt());
        }
        if (generation.negativePrompt() != null && model.accepts("negativePrompt")) {
            input.put(model.providerField("negativePrompt"), generation.negativePrompt());
        }
        input.put(model.providerField("seed"), generation.seed());
        if (model.accepts("count")) {
            input.put(model.providerField("count"), generation.variants());
        }
        if (!generation.sourceAssetIds().isEmpty() && takesSourcesInTheInput(model) && model.accepts("sourceImage")) {
            // The adapter replaces this mark with the image itself.
            input.put(model.providerField("sourceImage"), PLACEHOLDER + "image");
            if (model.accepts("maskImage")) {
                // A model that maps a mask always gets one (GenerationService requires it), sent the same way.
                input.put(model.providerField("maskImage"), PLACEHOLDER + "mask");
            }
        }
        return input;
    }

    /**
     * The LoRAs in the provider's own shape: fal's flux-lora takes {@code [{path, scale}]} (fal-js
     * libs/client/src/types/endpoints.ts, {@code LoraWeight}), Runware's imageInference {@code [{model, weight}]}
     * with the LoRA's AIR (Runware/sdk-python runware/types.py, {@code ILora}).
     */
    static List<Map<String, Object>> loraList(ProviderKind kind, List<GenerationLoras.Used> used) {
        String id = kind == ProviderKind.RUNWARE ? "model" : "path";
        String weight = kind == ProviderKind.RUNWARE ? "weight" : "scale";
        List<Map<String, Object>> list = new ArrayList<>();
        for (GenerationLoras.Used lora : used) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(id, lora.lora().externalId());
            item.put(weight, lora.weight());
            list.add(item);
        }
        return list;
    }

    /** The role of the n-th reference image (from 1), which is also its ComfyUI placeholder ({@code $ref1}). */
    static String referenceRole(int n) {
        return "ref" + n;
    }

    /**
     * Marks the provider's field for the references with one {@code "$source:refN"} each, in order; the adapter puts
     * each image where its mark is (fal a URL, Runware an upload's id, OpenAI an {@code image[]} part, the offline
     * engine a file). A field that already holds the source's mark (FLUX Kontext's {@code image_urls} takes the image
     * to edit and the references alike) keeps it first.
     */
    private static void markReferences(Map<String, Object> input, String field, int count) {
        List<Object> marks = new ArrayList<>();
        Object present = input.get(field);
        if (present instanceof List<?> list) {
            marks.addAll(list);
        } else if (present != null) {
            marks.add(present);
        }
        for (int n = 1; n <= count; n++) {
            marks.add(PLACEHOLDER + referenceRole(n));
        }
        input.put(field, marks);
    }

    /** The references as files with roles ref1…; one gone since the generation began ends it, as a source does. */
    private List<SourceImage> referenceImages(GenerationRow generation, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID owner =
                access.ownerOf(OwnedKind.GENERATION, generation.id()).orElseThrow(() -> sourceGone(generation, null));
        List<SourceImage> images = new ArrayList<>();
        for (UUID assetId : ids) {
            try {
                SourceFile file = assets.sourceFile(owner, assetId);
                images.add(new SourceImage(file.path(), file.mimeType(), referenceRole(images.size() + 1)));
            } catch (KadrException | NoSuchFileException gone) {
                throw sourceGone(generation, gone);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the store is unreachable: the job's step is tried again
            }
        }
        return images;
    }

    /** The source images as files; one trashed, deleted or lost on disk since the generation began ends it. */
    private List<SourceImage> sources(GenerationRow generation) {
        if (generation.sourceAssetIds().isEmpty()) {
            return new ArrayList<>();
        }
        UUID owner =
                access.ownerOf(OwnedKind.GENERATION, generation.id()).orElseThrow(() -> sourceGone(generation, null));
        List<SourceImage> sources = new ArrayList<>();
        int images = 0;
        for (UUID assetId : generation.sourceAssetIds()) {
            SourceFile file;
            boolean mask;
            try {
                file = assets.sourceFile(owner, assetId);
                mask = masks.imageOf(owner, assetId).isPresent();
            } catch (KadrException | NoSuchFileException gone) {
                throw sourceGone(generation, gone);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the store is unreachable: the job's step is tried again
            }
            String kind = file.mimeType().substring(0, file.mimeType().indexOf('/'));
            String role = mask ? "mask" : SourceInputs.role(kind, images);
            if (!mask && kind.equals("image")) {
                images++;
            }
            sources.add(new SourceImage(file.path(), file.mimeType(), role));
        }
        return sources;
    }

    private static FinalFailure sourceGone(GenerationRow generation, @Nullable Throwable cause) {
        return new FinalFailure(
                FinalFailure.SOURCE_GONE,
                null,
                "A source image of " + generation.id() + " is in the trash or gone: " + generation.sourceAssetIds(),
                cause);
    }

    Optional<UUID> projectOf(GenerationRow generation) {
        return jdbc.sql("select project_id from shots where id = ?")
                .param(generation.shotId())
                .query(UUID.class)
                .optional();
    }
}
