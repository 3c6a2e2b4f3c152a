package app.kadr.generation;

import app.kadr.account.CurrentUser;
import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.ParamSchema;
import app.kadr.catalog.Task;
import app.kadr.project.ProjectFormat;
import app.kadr.project.ProjectService;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The generation UI: the panel of the box (model picker, the chosen model's parameters, the shot's generations),
 * the «Оживить» dialog of an image, and the project's generation history. Everything is rendered here; the
 * browser only sends the JSON API calls and re-fetches these fragments.
 */
@Controller
class GenerationPages {

    static final int SHOT_LIST = 50;
    static final int HISTORY = 200;
    static final Set<Task> FROM_PROMPT = Set.of(Task.TEXT_TO_IMAGE, Task.TEXT_TO_VIDEO, Task.IMAGE_TO_IMAGE);
    /** The parameters the bar shows beside the model (at most two, in the schema's order); the rest are under «Ещё». */
    static final Set<String> KEY_PARAMS = Set.of("aspectRatio", "size", "duration", "resolution");

    static final List<String> STATUSES = List.of("pending", "running", "done", "failed", "cancelled");
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final GenerationService generations;
    private final Catalog catalog;
    private final Access access;
    private final AssetService assets;
    private final StoryboardService storyboard;
    private final ProjectService projects;
    private final Messages messages;

    GenerationPages(
            GenerationService generations,
            Catalog catalog,
            Access access,
            AssetService assets,
            StoryboardService storyboard,
            ProjectService projects,
            Messages messages) {
        this.generations = generations;
        this.catalog = catalog;
        this.access = access;
        this.assets = assets;
        this.storyboard = storyboard;
        this.projects = projects;
        this.messages = messages;
    }

    /**
     * The box's generation bar: the prompt (the shot's description to start from), the model button and its picker
     * dialog with the models that start from a prompt, the variants and the estimate.
     */
    @GetMapping("/shots/{shotId}/generate")
    String form(CurrentUser me, @PathVariable UUID shotId, Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        List<CatalogModel> listed = catalog.models(null, null, null, false).stream()
                .filter(m -> m.enabled() && FROM_PROMPT.contains(m.task()))
                .toList();
        model.addAttribute("shotId", shotId);
        model.addAttribute("prompt", shot.description());
        model.addAttribute("picker", ModelPicker.of(listed));
        model.addAttribute("maxVariants", GenerationService.MAX_VARIANTS);
        return "generation/panel :: generate-form";
    }

    /** The chosen model's parameters, from its schema; empty when no model is chosen. */
    @GetMapping("/shots/{shotId}/generate/params")
    String params(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) @Nullable UUID modelId,
            @RequestParam(defaultValue = "false") boolean bar,
            Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        CatalogModel chosen = modelId == null ? null : catalog.usable(modelId);
        ProjectFormat format = projects.get(me.id(), shot.projectId()).format();
        List<Field> fields = chosen == null
                ? List.of()
                : fields(chosen).stream().map(f -> inShape(f, format)).toList();
        List<Field> key = fields.stream()
                .filter(f -> KEY_PARAMS.contains(f.name()))
                .limit(2)
                .toList();
        model.addAttribute("chosen", chosen);
        model.addAttribute("bar", bar);
        model.addAttribute("fields", fields);
        model.addAttribute("keyFields", key);
        model.addAttribute(
                "moreFields", fields.stream().filter(f -> !key.contains(f)).toList());
        model.addAttribute("negative", chosen != null && chosen.accepts("negativePrompt"));
        model.addAttribute("batched", chosen != null && chosen.accepts("count"));
        return "generation/panel :: params";
    }

    /** The shot's generations, newest first. */
    @GetMapping("/shots/{shotId}/generations/list")
    String list(CurrentUser me, @PathVariable UUID shotId, Model model) {
        model.addAttribute("shotId", shotId);
        model.addAttribute("items", cards(generations.ofShot(me.id(), shotId, SHOT_LIST), Map.of()));
        return "generation/panel :: list";
    }

    /** The body of the «Оживить» dialog for one image: the image-to-video models and the first one's parameters. */
    @GetMapping("/assets/{assetId}/animate")
    String animate(CurrentUser me, @PathVariable UUID assetId, Model model) {
        Asset asset = assets.get(me.id(), assetId);
        if (asset.isVideo()) {
            throw KadrException.notFound();
        }
        List<CatalogModel> listed = catalog.models(Task.IMAGE_TO_VIDEO, null, null, false).stream()
                .filter(CatalogModel::enabled)
                .toList();
        model.addAttribute("asset", asset);
        picker(listed, model);
        return "generation/panel :: animate-form";
    }

    @GetMapping("/projects/{projectId}/generations")
    String history(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable String status,
            Model model) {
        historyOf(me, projectId, status, model);
        model.addAttribute("project", projects.get(me.id(), projectId));
        model.addAttribute(
                "spent",
                generations.spent(me.id(), projectId).stripTrailingZeros().toPlainString());
        model.addAttribute("statuses", STATUSES);
        return "generation/history";
    }

    @GetMapping("/projects/{projectId}/generations/list")
    String historyRows(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable String status,
            Model model) {
        historyOf(me, projectId, status, model);
        return "generation/history :: rows";
    }

    private void historyOf(CurrentUser me, UUID projectId, @Nullable String status, Model model) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        List<Generation> found = generations.history(me.id(), projectId, filter, HISTORY);
        Map<UUID, Shot> shots = storyboard.storyboard(me.id(), projectId).items().stream()
                .collect(Collectors.toMap(Shot::id, Function.identity()));
        model.addAttribute("projectId", projectId);
        model.addAttribute("status", filter);
        model.addAttribute("items", cards(found, shots));
    }

    /** A vendor and its models, in the catalog's order. */
    record Vendor(String name, List<Choice> models) {}

    /** One model in the picker. */
    record Choice(UUID id, String name, String qualityKey, String task, String kind, String search, String whyNotKey) {}

    /** One generation with what the page shows beside it. */
    record Card(
            Generation generation,
            @Nullable Shot shot,
            @Nullable Integer percent,
            String created,
            String elapsed,
            long since,
            boolean live,
            @Nullable String cost,
            boolean estimated) {

        public boolean cancellable() {
            return generation.status().equals("pending") || generation.status().equals("running");
        }

        public boolean retryable() {
            return generation.status().equals("failed") || generation.status().equals("cancelled");
        }
    }

    /** One parameter as the form shows it. */
    record Field(
            String name,
            String type,
            String title,
            @Nullable String description,
            @Nullable String min,
            @Nullable String max,
            String step,
            List<String> choices,
            @Nullable String value,
            boolean checked,
            boolean required,
            boolean seed) {}

    /**
     * The animate dialog's list: models that can run now grouped by vendor, then those whose provider is off or has no
     * key, shown greyed and not choosable in one group «Недоступны сейчас». The box's bar uses {@link ModelPicker}.
     */
    private static void picker(List<CatalogModel> listed, Model model) {
        List<CatalogModel> runnable =
                listed.stream().filter(CatalogModel::ready).toList();
        List<Vendor> vendors = byVendor(runnable);
        model.addAttribute("vendors", vendors);
        model.addAttribute(
                "unavailable",
                listed.stream()
                        .filter(m -> !m.ready())
                        .map(GenerationPages::choice)
                        .toList());
        model.addAttribute("firstModel", ModelPicker.byDefault(runnable));
    }

    private static List<Vendor> byVendor(List<CatalogModel> models) {
        Map<String, List<Choice>> grouped = new LinkedHashMap<>();
        for (CatalogModel m : models) {
            grouped.computeIfAbsent(m.vendor(), v -> new ArrayList<>()).add(choice(m));
        }
        return grouped.entrySet().stream()
                .map(e -> new Vendor(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    private static Choice choice(CatalogModel m) {
        String search = (m.name() + " " + m.vendor() + " " + m.description()).toLowerCase(java.util.Locale.ROOT);
        return new Choice(
                m.id(),
                m.name(),
                "generation.ui.quality." + m.quality().code(),
                m.task().code(),
                m.task().makesVideo() ? "video" : "image",
                search,
                whyNot(m));
    }

    /** Why a greyed model cannot be chosen: its provider is off, has no key, or failed its last connection check. */
    private static String whyNot(CatalogModel m) {
        String reason = m.notReadyKey();
        return reason != null ? reason : "catalog.picker.provider_off";
    }

    /** A size or aspect-ratio field starts at the film's shape when the model offers it. */
    private static Field inShape(Field field, ProjectFormat format) {
        if (!field.name().equals("size") && !field.name().equals("aspectRatio")) {
            return field;
        }
        return ShapeDefault.among(field.choices(), format)
                .map(choice -> new Field(
                        field.name(),
                        field.type(),
                        field.title(),
                        field.description(),
                        field.min(),
                        field.max(),
                        field.step(),
                        field.choices(),
                        choice,
                        field.checked(),
                        field.required(),
                        field.seed()))
                .orElse(field);
    }

    static List<Field> fields(CatalogModel model) {
        List<Field> fields = new ArrayList<>();
        ParamSchema schema = model.schema();
        for (ParamSchema.Param p : schema.params()) {
            if (p.name().equals("count")) {
                continue; // the number of variants is the form's own field
            }
            Object given =
                    model.defaults().containsKey(p.name()) ? model.defaults().get(p.name()) : p.defaultValue();
            boolean seed = p.name().equals("seed");
            String type = p.type().name().toLowerCase(java.util.Locale.ROOT);
            fields.add(new Field(
                    p.name(),
                    type,
                    p.title(),
                    p.description(),
                    plain(p.minimum()),
                    plain(p.maximum()),
                    p.type() == ParamSchema.Type.INTEGER ? "1" : "any",
                    p.choices().stream().map(GenerationPages::text).toList(),
                    seed || given == null ? null : text(given),
                    Boolean.TRUE.equals(given),
                    schema.required().contains(p.name()),
                    seed));
        }
        return fields;
    }

    private List<Card> cards(List<Generation> found, Map<UUID, Shot> shots) {
        Instant now = Instant.now();
        return found.stream().map(g -> card(g, shots.get(g.shotId()), now)).toList();
    }

    private Card card(Generation g, @Nullable Shot shot, Instant now) {
        Instant start = g.startedAt() != null ? g.startedAt() : g.createdAt();
        Instant end = g.finishedAt() != null ? g.finishedAt() : now;
        boolean live = g.finishedAt() == null && g.status().equals("running");
        Integer percent = g.progress() == null ? null : (int) Math.round(Math.max(0, Math.min(1, g.progress())) * 100);
        BigDecimal money = g.cost() != null ? g.cost() : g.costEstimate();
        return new Card(
                g,
                shot,
                percent,
                CREATED.format(g.createdAt().atZone(ZoneId.systemDefault())),
                elapsed(Duration.between(start, end)),
                start.toEpochMilli(),
                live,
                money == null ? null : plain(money),
                g.cost() == null);
    }

    private String elapsed(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60
                ? messages.get("generation.ui.elapsed.seconds", seconds)
                : messages.get("generation.ui.elapsed.minutes", seconds / 60, seconds % 60);
    }

    private static @Nullable String plain(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? plain(decimal) : String.valueOf(value);
    }
}
