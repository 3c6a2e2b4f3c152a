package app.kadr.generation;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetGeneration;
import app.kadr.asset.AssetService;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.ParamSchema;
import app.kadr.catalog.ParamValidation;
import app.kadr.catalog.Price;
import app.kadr.catalog.Task;
import app.kadr.element.ElementService;
import app.kadr.element.Mentions;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Owned;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Rows;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts generations in a shot, animates stills, and answers where each generation stands. */
@Service
public class GenerationService {

    static final int MAX_VARIANTS = 10;
    static final int MAX_PROMPT = 10_000;
    static final int MAX_SEED = Integer.MAX_VALUE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Generations generations;
    private final GenerationJobs jobs;
    private final Catalog catalog;
    private final AssetService assets;
    private final Access access;
    private final ProviderSlots slots;
    private final EditInputs edits;
    private final ElementService elements;
    private final SourceInputs sourceInputs;
    private final GenerationReferences references;
    private final GenerationLoras loras;
    private final GenerationViews views;

    GenerationService(
            Generations generations,
            GenerationJobs jobs,
            Catalog catalog,
            AssetService assets,
            Access access,
            ProviderSlots slots,
            EditInputs edits,
            ElementService elements,
            SourceInputs sourceInputs,
            GenerationReferences references,
            GenerationLoras loras,
            GenerationViews views) {
        this.views = views;
        this.loras = loras;
        this.references = references;
        this.edits = edits;
        this.generations = generations;
        this.jobs = jobs;
        this.catalog = catalog;
        this.assets = assets;
        this.access = access;
        this.slots = slots;
        this.elements = elements;
        this.sourceInputs = sourceInputs;
    }

    /**
     * Queues the variants asked for: one batched generation where the model makes several per call, else one
     * generation per variant, with consecutive seeds so every variant can be made again.
     */
    @Transactional
    public List<Generation> generate(UUID ownerId, UUID shotId, NewGeneration request) {
        return generate(ownerId, shotId, request, null);
    }

    /**
     * A new take in an asset's box, made the way the asset was made with the given changes, and linked to it as its
     * parent: a smart edit, a repeat (same seed) or a remix (new seed). Parameter changes the model has no field or
     * no such choice for are left out rather than refused, since a person did not type them.
     */
    @Transactional
    public Generation derive(UUID ownerId, UUID assetId, Derivation change) {
        Asset parent = assets.get(ownerId, assetId);
        AssetGeneration made = parent.generation();
        UUID modelId = change.modelId() != null ? change.modelId() : made == null ? null : made.modelId();
        boolean sameModel = made != null && made.modelId().equals(modelId);
        Map<String, Object> params = new LinkedHashMap<>(sameModel ? made.params() : Map.of());
        CatalogModel model = model(modelId);
        change.paramChanges()
                .forEach((name, value) -> fieldFor(model, name, value).ifPresent(f -> params.put(f, value)));
        Long seed = change.seed() != null ? change.seed() : change.keepSeed() && made != null ? made.seed() : null;
        if (seed != null) {
            params.put("seed", seed);
        } else {
            params.remove("seed");
        }
        List<UUID> sources = new ArrayList<>(sameModel ? made.sourceAssetIds() : List.of());
        // An inpainted take names its mask among its sources; made again, the mask goes where masks go.
        UUID mask = edits.maskAmong(ownerId, sources);
        sources.remove(mask);
        // An agent may suggest a negative prompt; a model without one (another model than the parent's) ignores it.
        String negative = model.accepts("negativePrompt") ? change.negativePrompt() : null;
        // The parent's elements come along in their current versions: those its prompt names through the prompt as
        // written (an edit may take one out), those it attached without a name attached again.
        List<UUID> elementIds = made == null
                ? List.of()
                : elements.attachedWithoutMention(
                        access.require(ownerId, OwnedKind.SHOT, parent.shotId()).projectId(), made.id());
        NewGeneration request =
                new NewGeneration(model.id(), change.prompt(), negative, params, sources, 1, mask, elementIds);
        return generate(ownerId, parent.shotId(), request, new Parent(assetId, change.instruction()))
                .getFirst();
    }

    private record Parent(UUID assetId, @Nullable String instruction) {}

    /** The model's field for a change named in Kadr's words ({@code aspectRatio}), if the value is one it takes. */
    private static java.util.Optional<String> fieldFor(CatalogModel model, String name, Object value) {
        String snake = name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(name, snake)
                .flatMap(n -> model.schema().param(n).stream())
                .filter(p -> p.choices().isEmpty()
                        || p.choices().stream().anyMatch(c -> String.valueOf(c).equals(String.valueOf(value))))
                .map(ParamSchema.Param::name)
                .findFirst();
    }

    private List<Generation> generate(UUID ownerId, UUID shotId, NewGeneration request, @Nullable Parent parent) {
        Plan plan = plan(ownerId, shotId, request, parent);
        List<Generation> created = new ArrayList<>();
        for (int i = 0; i < plan.rows(); i++) {
            GenerationRow row = newRow(
                    shotId,
                    plan.model(),
                    plan.prompt(),
                    plan.negative(),
                    plan.params(),
                    plan.seed() + i,
                    plan.variantsPerRow(),
                    plan.sources(),
                    parent);
            generations.insert(row);
            elements.recordUse(row.id(), plan.mentions());
            references.record(row.id(), plan.references());
            loras.record(row.id(), plan.loras());
            jobs.schedule(row.id());
            created.add(view(row));
        }
        return created;
    }

    /**
     * What {@link #generate(UUID, UUID, NewGeneration)} would start, checked the same way, without writing anything:
     * how many generations and takes, and their estimated price. A batch shows this before it is confirmed.
     */
    @Transactional(readOnly = true)
    public GenerationPreview preview(UUID ownerId, UUID shotId, NewGeneration request) {
        Plan plan = plan(ownerId, shotId, request, null);
        BigDecimal each = estimate(plan.model(), plan.params(), plan.variantsPerRow());
        boolean textOnly = plan.model().referenceLimit() == 0
                && !plan.references().notSent().isEmpty();
        return new GenerationPreview(
                plan.rows(), plan.count(), each.multiply(BigDecimal.valueOf(plan.rows())), textOnly);
    }

    /** A request checked against its model: everything a generation row is made from. */
    private record Plan(
            CatalogModel model,
            List<UUID> sources,
            String prompt,
            @Nullable String negative,
            int count,
            Map<String, Object> params,
            long seed,
            boolean batched,
            Mentions mentions,
            GenerationReferences.Attached references,
            GenerationLoras.Attached loras) {

        /** One batched generation where the model makes several per call, else one per variant. */
        int rows() {
            return batched ? 1 : count;
        }

        int variantsPerRow() {
            return batched ? count : 1;
        }
    }

    private Plan plan(UUID ownerId, UUID shotId, NewGeneration request, @Nullable Parent parent) {
        Owned shot = access.require(ownerId, OwnedKind.SHOT, shotId);
        CatalogModel model = model(request.modelId());
        List<UUID> sources = new ArrayList<>(sourceInputs.check(ownerId, request.sourceAssetIds(), model));
        UUID mask = edits.mask(ownerId, request.maskAssetId(), sources, model);
        // The provider gets the @mentions expanded into the elements' descriptions; the row keeps what was sent.
        Mentions mentions =
                elements.expand(ownerId, shot.project(), prompt(request.prompt(), model), request.elementIds());
        // The elements' LoRAs go where the model takes them; each one sent brings its trigger word into the prompt.
        GenerationLoras.Attached elementLoras = loras.split(mentions.loras(), model);
        String prompt = withTriggers(prompt(mentions.expanded(), model), elementLoras, model);
        String negative = negativePrompt(request.negativePrompt(), model);
        int count = count(request.count());
        Map<String, Object> asked =
                request.params() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(request.params());
        // The canvas of an outpaint is worked out from the choices below, never taken as given (a remix carries it).
        asked.keySet().removeAll(OutpaintCanvas.GEOMETRY);
        // A derived take keeps its parent's seed even where the model shows no seed field to set.
        Object kept = parent != null && model.schema().param("seed").isEmpty() ? asked.remove("seed") : null;
        Map<String, Object> params = new LinkedHashMap<>(ParamValidation.prepare(model, asked));
        long seed = seed(kept != null ? kept : params.remove("seed"));
        if (model.task() == Task.OUTPAINT && model.schema().param("aspectRatio").isPresent() && !sources.isEmpty()) {
            params.putAll(edits.canvas(ownerId, sources.getFirst(), params).params());
        }
        if (mask != null) {
            sources.add(mask);
        }
        // The elements' looks go as far as the model takes them; the rest are kept as not sent, to say so.
        GenerationReferences.Attached attached = GenerationReferences.Attached.split(
                usableReferences(ownerId, mentions.referenceAssetIds()), model.referenceLimit());
        return new Plan(
                model,
                sources,
                prompt,
                negative,
                count,
                params,
                seed,
                model.accepts("count"),
                mentions,
                attached,
                elementLoras);
    }

    /** The prompt with the trigger words of the LoRAs sent that it does not say yet, in front. */
    private static String withTriggers(String prompt, GenerationLoras.Attached attached, CatalogModel model) {
        List<String> triggers = attached.missingTriggers(prompt);
        if (triggers.isEmpty()) {
            return prompt;
        }
        return prompt(String.join(", ", triggers) + (prompt.isEmpty() ? "" : ", " + prompt), model);
    }

    /**
     * An element's reference takes that can still be sent: its owner's, live and ready images (one trashed since it
     * was chosen is simply not sent). Asked of {@link Access} first, since a refusal would spoil the transaction.
     */
    private List<UUID> usableReferences(UUID ownerId, List<UUID> ids) {
        List<UUID> usable = new ArrayList<>();
        for (UUID id : ids) {
            if (access.ownerOf(OwnedKind.ASSET, id).filter(ownerId::equals).isPresent()) {
                Asset asset = assets.get(ownerId, id);
                if (asset.isReady() && "image".equals(asset.kind())) {
                    usable.add(id);
                }
            }
        }
        return usable;
    }

    /** Image-to-video from any image asset; the video lands in the asset's shot, linked to its source. */
    @Transactional
    public Generation animate(UUID ownerId, UUID assetId, NewGeneration request) {
        Owned source = access.require(ownerId, OwnedKind.ASSET, assetId);
        CatalogModel model = model(request.modelId());
        if (model.task() != Task.IMAGE_TO_VIDEO) {
            throw KadrException.invalid("modelId", "generation.animate.wrong_model");
        }
        NewGeneration animation = new NewGeneration(
                request.modelId(), request.prompt(), request.negativePrompt(), request.params(), List.of(assetId), 1);
        return generate(ownerId, source.shot(), animation).getFirst();
    }

    @Transactional(readOnly = true)
    public Generation get(UUID ownerId, UUID generationId) {
        return view(owned(ownerId, generationId));
    }

    @Transactional(readOnly = true)
    public List<Generation> ofShot(UUID ownerId, UUID shotId, int limit) {
        access.require(ownerId, OwnedKind.SHOT, shotId);
        return generations.ofShot(shotId, limit).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<Generation> history(UUID ownerId, UUID projectId, @Nullable String status, int limit) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        GenerationStatus filter = status == null || status.isBlank()
                ? null
                : GenerationStatus.of(status)
                        .orElseThrow(() -> KadrException.invalid("status", "generation.status.invalid"));
        return generations.ofProject(projectId, filter, limit).stream()
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public BigDecimal spent(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return generations.spentOn(projectId);
    }

    /**
     * Where each of the given generations of a project stands, in one look; ids of other projects are left out. For
     * modules that follow generations they started (a batch counting its progress).
     */
    @Transactional(readOnly = true)
    public Map<UUID, GenerationStatus> statuses(UUID ownerId, UUID projectId, java.util.Collection<UUID> ids) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return ids.isEmpty() ? Map.of() : generations.statusesIn(projectId, ids);
    }

    /** Asks to stop; a generation not yet at the provider stops at once, a running one at its next step. */
    @Transactional
    public Generation cancel(UUID ownerId, UUID generationId) {
        GenerationRow generation = owned(ownerId, generationId);
        if (!generations.requestCancel(generationId)) {
            throw KadrException.conflict("generation.cancel.finished");
        }
        if (!generation.submitted()) {
            generations.markCancelled(generationId);
            slots.giveBack(generationId);
        }
        return get(ownerId, generationId);
    }

    /** Runs a failed or cancelled generation again, with the same parameters and seed. */
    @Transactional
    public Generation retry(UUID ownerId, UUID generationId) {
        owned(ownerId, generationId);
        if (!generations.reopen(generationId)) {
            throw KadrException.conflict("generation.retry.not_finished");
        }
        jobs.schedule(generationId);
        return get(ownerId, generationId);
    }

    private GenerationRow owned(UUID ownerId, UUID generationId) {
        access.require(ownerId, OwnedKind.GENERATION, generationId);
        return generations.byId(generationId).orElseThrow(KadrException::notFound);
    }

    private CatalogModel model(@Nullable UUID modelId) {
        if (modelId == null) {
            throw KadrException.invalid("modelId", "generation.model.missing");
        }
        CatalogModel model = catalog.find(modelId)
                .filter(CatalogModel::usable)
                .orElseThrow(() -> KadrException.invalid("modelId", "generation.model.unknown"));
        if (model.provider().kind().needsKey()) {
            catalog.requireApiKey(model.provider());
        }
        return model;
    }

    private static String prompt(@Nullable String prompt, CatalogModel model) {
        String text = prompt == null ? "" : prompt.strip();
        if (text.isEmpty() && (model.task() == Task.TEXT_TO_IMAGE || model.task() == Task.TEXT_TO_VIDEO)) {
            throw KadrException.invalid("prompt", "generation.prompt.empty");
        }
        if (text.length() > MAX_PROMPT) {
            throw KadrException.invalid("prompt", "generation.prompt.long", MAX_PROMPT);
        }
        return text;
    }

    private static @Nullable String negativePrompt(@Nullable String negative, CatalogModel model) {
        String text = negative == null ? "" : negative.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!model.accepts("negativePrompt")) {
            throw KadrException.invalid("negativePrompt", "generation.negative.unsupported");
        }
        if (text.length() > MAX_PROMPT) {
            throw KadrException.invalid("negativePrompt", "generation.prompt.long", MAX_PROMPT);
        }
        return text;
    }

    private static int count(@Nullable Integer count) {
        int value = count == null ? 1 : count;
        if (value < 1 || value > MAX_VARIANTS) {
            throw KadrException.invalid("count", "generation.count.invalid", MAX_VARIANTS);
        }
        return value;
    }

    private static long seed(@Nullable Object given) {
        if (given instanceof Number number) {
            return number.longValue();
        }
        return RANDOM.nextInt(MAX_SEED - MAX_VARIANTS);
    }

    private GenerationRow newRow(
            UUID shotId,
            CatalogModel model,
            String prompt,
            @Nullable String negative,
            Map<String, Object> params,
            long seed,
            int variants,
            List<UUID> sources,
            @Nullable Parent parent) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("provider", model.provider().kind().code());
        snapshot.put("providerName", model.provider().name());
        snapshot.put("externalId", model.externalId());
        snapshot.put("name", model.name());
        snapshot.put("vendor", model.vendor());
        return new GenerationRow(
                UUID.randomUUID(),
                shotId,
                model.id(),
                model.provider().id(),
                snapshot,
                model.task().code(),
                prompt,
                negative,
                params,
                seed,
                variants,
                sources,
                parent == null ? null : parent.assetId(),
                parent == null ? null : parent.instruction(),
                GenerationStatus.PENDING,
                null,
                null,
                null,
                null,
                null,
                0,
                false,
                estimate(model, params, variants),
                null,
                Rows.now(),
                null,
                null,
                null,
                null,
                null);
    }

    /** The price before running: per image times variants, per second times the duration asked, or per run. */
    static BigDecimal estimate(CatalogModel model, Map<String, Object> params, int variants) {
        Price price = model.price();
        return switch (price.unit()) {
            case IMAGE -> price.usd().multiply(BigDecimal.valueOf(variants));
            case SECOND -> price.usd().multiply(new BigDecimal(durationSeconds(params)));
            case RUN -> price.usd();
        };
    }

    private static String durationSeconds(Map<String, Object> params) {
        Object duration = params.getOrDefault("duration", params.getOrDefault("seconds", 5));
        String digits = String.valueOf(duration).replaceAll("[^0-9.]", "");
        return digits.isEmpty() ? "5" : digits;
    }

    Generation view(GenerationRow row) {
        return views.of(row);
    }

    /**
     * The LoRAs each of a project's generations went with, by generation (those with none left out): the passport's
     * column. Only the owner's project answers; generations of other projects among the ids are left out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Generation.Loras> lorasInProject(
            UUID ownerId, UUID projectId, java.util.Collection<UUID> generationIds) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        Map<UUID, Generation.Loras> used = new java.util.HashMap<>();
        views.loras(generationIds).forEach((generationId, loras) -> {
            boolean ofProject = access.ownerOf(OwnedKind.GENERATION, generationId)
                            .filter(ownerId::equals)
                            .isPresent()
                    && projectId.equals(access.require(ownerId, OwnedKind.GENERATION, generationId)
                            .projectId());
            if (ofProject) {
                used.put(generationId, loras);
            }
        });
        return used;
    }
}
