package app.kadr.generation;

import app.kadr.account.CurrentUser;
import app.kadr.asset.GalleryFilter;
import app.kadr.asset.GalleryService;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.Task;
import app.kadr.project.ProjectService;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
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
 * The studio of a project (seed 000's split screen): the box's generation bar with a chooser of the shot the takes
 * land in, beside the project's newest takes and generations. A take chosen as the source makes the same bar do
 * image-to-image and animation, so the picker offers those models too.
 */
@Controller
class StudioPage {

    static final int TAKES = 36;
    static final int HISTORY = 30;
    static final Set<Task> TASKS =
            Set.of(Task.TEXT_TO_IMAGE, Task.TEXT_TO_VIDEO, Task.IMAGE_TO_IMAGE, Task.IMAGE_TO_VIDEO);

    private final ProjectService projects;
    private final StoryboardService storyboard;
    private final GenerationService generations;
    private final GenerationCards cards;
    private final GalleryService gallery;
    private final Catalog catalog;

    StudioPage(
            ProjectService projects,
            StoryboardService storyboard,
            GenerationService generations,
            GenerationCards cards,
            GalleryService gallery,
            Catalog catalog) {
        this.projects = projects;
        this.storyboard = storyboard;
        this.generations = generations;
        this.cards = cards;
        this.gallery = gallery;
        this.catalog = catalog;
    }

    /** {@code shotId} preselects a shot of the project; an unknown one falls back to the first shot. */
    @GetMapping("/projects/{projectId}/studio")
    String page(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable UUID shotId,
            Model model) {
        model.addAttribute("project", projects.get(me.id(), projectId));
        List<Shot> shots = storyboard.storyboard(me.id(), projectId).items();
        Shot chosen = shots.stream()
                .filter(s -> s.id().equals(shotId))
                .findFirst()
                .orElse(shots.isEmpty() ? null : shots.getFirst());
        model.addAttribute("shots", shots);
        if (chosen != null) {
            List<CatalogModel> listed = catalog.models(null, null, null, false).stream()
                    .filter(m -> m.enabled() && TASKS.contains(m.task()))
                    .toList();
            model.addAttribute("shotId", chosen.id());
            model.addAttribute("prompt", chosen.description());
            model.addAttribute("picker", ModelPicker.of(listed));
            model.addAttribute("maxVariants", GenerationService.MAX_VARIANTS);
            model.addAttribute("withSources", true);
        }
        takesOf(me, projectId, model);
        historyOf(me, projectId, shots, model);
        return "generation/studio";
    }

    @GetMapping("/projects/{projectId}/studio/takes")
    String takes(CurrentUser me, @PathVariable UUID projectId, Model model) {
        takesOf(me, projectId, model);
        return "generation/studio :: takes";
    }

    @GetMapping("/projects/{projectId}/studio/generations")
    String history(CurrentUser me, @PathVariable UUID projectId, Model model) {
        historyOf(me, projectId, storyboard.storyboard(me.id(), projectId).items(), model);
        return "generation/panel :: list";
    }

    private void takesOf(CurrentUser me, UUID projectId, Model model) {
        GalleryFilter ofProject = new GalleryFilter(null, null, projectId, null, null, null, null, null, null);
        model.addAttribute(
                "takes", gallery.search(me.id(), ofProject, null, TAKES).items());
    }

    private void historyOf(CurrentUser me, UUID projectId, List<Shot> shots, Model model) {
        Map<UUID, Shot> byId = shots.stream().collect(Collectors.toMap(Shot::id, Function.identity()));
        model.addAttribute("items", cards.of(generations.history(me.id(), projectId, null, HISTORY), byId));
    }
}
