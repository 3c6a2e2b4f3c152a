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
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * the «Оживить» dialog of an image (the same picker, of image-to-video models), and the project's generation history. Everything is rendered here; the
 * browser only sends the JSON API calls and re-fetches these fragments.
 */
@Controller
class GenerationPages {

    static final int SHOT_LIST = 50;
    static final int HISTORY = 200;
    static final Set<Task> FROM_PROMPT = Set.of(Task.TEXT_TO_IMAGE, Task.TEXT_TO_VIDEO, Task.IMAGE_TO_IMAGE);
    /** What the bar offers when it continues from a frame. */
    static final Set<Task> FROM_A_FRAME = Set.of(Task.IMAGE_TO_VIDEO, Task.IMAGE_TO_IMAGE);
    /** The parameters the bar shows beside the model (at most two, in the schema's order); the rest are under «Ещё». */
    static final Set<String> KEY_PARAMS = Set.of("aspectRatio", "size", "duration", "resolution");

    static final List<String> STATUSES = List.of("pending", "running", "done", "failed", "cancelled");

    private final GenerationService generations;
    private final Catalog catalog;
    private final Access access;
    private final AssetService assets;
    private final StoryboardService storyboard;
    private final ProjectService projects;
    private final GenerationCards cards;

    GenerationPages(
            GenerationService generations,
            Catalog catalog,
            Access access,
            AssetService assets,
            StoryboardService storyboard,
            ProjectService projects,
            GenerationCards cards) {
        this.generations = generations;
        this.catalog = catalog;
        this.access = access;
        this.assets = assets;
        this.storyboard = storyboard;
        this.projects = projects;
        this.cards = cards;
    }

    /**
     * The box's generation bar: the prompt (the shot's description to start from), the model button and its picker
     * dialog with the models that start from a prompt, the variants and the estimate.
     */
    @GetMapping("/shots/{shotId}/generate")
    String form(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) @Nullable UUID start,
            @RequestParam(required = false) @Nullable UUID end,
            Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        List<CatalogModel> listed = catalog.models(null, null, null, false).stream()
                .filter(m -> m.enabled()
                        && (start == null ? FROM_PROMPT.contains(m.task()) : FROM_A_FRAME.contains(m.task())))
                .toList();
        if (start != null) {
            // «Продолжить из предыдущего шота»: the bar starts from the previous shot's last frame (and may end on
            // this shot's still, for the models that take a last frame).
            model.addAttribute("startFrame", assets.get(me.id(), start));
            model.addAttribute("endFrame", end == null ? null : assets.get(me.id(), end));
        }
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
        model.addAttribute("items", cards.of(generations.ofShot(me.id(), shotId, SHOT_LIST), Map.of()));
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
        model.addAttribute("picker", ModelPicker.of(listed));
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
        model.addAttribute("items", cards.of(found, shots));
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

    static @Nullable String plain(@Nullable BigDecimal value) {
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
