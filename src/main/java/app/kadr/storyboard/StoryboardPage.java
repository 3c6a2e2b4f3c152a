package app.kadr.storyboard;

import app.kadr.account.CurrentUser;
import app.kadr.project.ProjectFormat;
import app.kadr.project.ProjectService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The storyboard grid. Full page on first load; after an action (add, insert, duplicate, trash, a change to
 * several chosen shots) htmx asks for the grid fragment only, after a rename for the one box.
 */
@Controller
class StoryboardPage {

    private final StoryboardService storyboard;
    private final ShotSelection selection;
    private final ProjectService projects;
    private final BoxHtml boxes;
    private final List<ClientAnswers> answers;

    StoryboardPage(
            StoryboardService storyboard,
            ShotSelection selection,
            ProjectService projects,
            BoxHtml boxes,
            List<ClientAnswers> answers) {
        this.storyboard = storyboard;
        this.selection = selection;
        this.projects = projects;
        this.boxes = boxes;
        this.answers = answers;
    }

    @GetMapping("/projects/{projectId}")
    String page(CurrentUser me, @PathVariable UUID projectId, Locale locale, Model model) {
        model.addAttribute("project", projects.header(me.id(), projectId));
        model.addAttribute("statuses", ShotStatus.values());
        model.addAttribute("frameRates", ProjectFormat.FRAME_RATES);
        model.addAttribute("aspectRatios", ProjectFormat.ASPECT_RATIOS);
        model.addAttribute(
                "otherProjects",
                projects.names(me.id()).stream()
                        .filter(other -> !other.id().equals(projectId))
                        .toList());
        gridOf(me, projectId, locale, model);
        return "storyboard/page";
    }

    @GetMapping("/projects/{projectId}/grid")
    String grid(CurrentUser me, @PathVariable UUID projectId, Locale locale, Model model) {
        return gridOf(me, projectId, locale, model);
    }

    @GetMapping("/shots/{shotId}/box")
    String box(CurrentUser me, @PathVariable UUID shotId, Locale locale, Model model) {
        return boxOf(me, storyboard.get(me.id(), shotId), locale, model);
    }

    /** The title edited in place on the grid; a blank one gives the shot back its «Шот N». */
    @PostMapping("/shots/{shotId}/rename")
    String rename(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) @Nullable String title,
            Locale locale,
            Model model) {
        Shot shot = storyboard.update(me.id(), shotId, ShotChanges.texts(title, null, null));
        return boxOf(me, shot, locale, model);
    }

    @PostMapping("/projects/{projectId}/shots/add")
    String add(CurrentUser me, @PathVariable UUID projectId, Locale locale, Model model) {
        storyboard.add(me.id(), projectId, null, null, null);
        return gridOf(me, projectId, locale, model);
    }

    @PostMapping("/shots/{shotId}/insert-after")
    String insertAfter(CurrentUser me, @PathVariable UUID shotId, Locale locale, Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        storyboard.add(me.id(), shot.projectId(), null, null, shot.number() + 1);
        return gridOf(me, shot.projectId(), locale, model);
    }

    @PostMapping("/shots/{shotId}/duplicate")
    String duplicate(CurrentUser me, @PathVariable UUID shotId, Locale locale, Model model) {
        Shot copy = storyboard.duplicate(me.id(), shotId);
        return gridOf(me, copy.projectId(), locale, model);
    }

    @PostMapping("/shots/{shotId}/trash")
    String trash(CurrentUser me, @PathVariable UUID shotId, Locale locale, Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        storyboard.moveToTrash(me.id(), shotId);
        return gridOf(me, shot.projectId(), locale, model);
    }

    @PostMapping("/projects/{projectId}/selection/status")
    String selectionStatus(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable List<UUID> shotIds,
            @RequestParam(required = false) @Nullable String status,
            Locale locale,
            Model model) {
        selection.setStatus(me.id(), projectId, shotIds, status);
        return gridOf(me, projectId, locale, model);
    }

    @PostMapping("/projects/{projectId}/selection/move")
    String selectionMove(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable List<UUID> shotIds,
            @RequestParam(required = false) @Nullable Integer position,
            Locale locale,
            Model model) {
        selection.moveTo(me.id(), projectId, shotIds, position);
        return gridOf(me, projectId, locale, model);
    }

    @PostMapping("/projects/{projectId}/selection/project")
    String selectionToProject(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable List<UUID> shotIds,
            @RequestParam(required = false) @Nullable UUID targetProjectId,
            Locale locale,
            Model model) {
        selection.moveToProject(me.id(), projectId, shotIds, targetProjectId);
        return gridOf(me, projectId, locale, model);
    }

    @PostMapping("/projects/{projectId}/selection/trash")
    String selectionTrash(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable List<UUID> shotIds,
            Locale locale,
            Model model) {
        selection.moveToTrash(me.id(), projectId, shotIds);
        return gridOf(me, projectId, locale, model);
    }

    private String gridOf(CurrentUser me, UUID projectId, Locale locale, Model model) {
        Storyboard shots = storyboard.storyboard(me.id(), projectId);
        model.addAttribute("storyboard", shots);
        model.addAttribute("boxes", boxes.of(shots, answersOf(projectId), locale));
        model.addAttribute("projectId", projectId);
        return "storyboard/grid :: grid";
    }

    /** One box, with its start on the film (which needs the shots before it). */
    private String boxOf(CurrentUser me, Shot shot, Locale locale, Model model) {
        String start = storyboard.storyboard(me.id(), shot.projectId()).starts().get(shot.id());
        model.addAttribute(
                "box", boxes.of(shot, start, answersOf(shot.projectId()).get(shot.id()), locale));
        return "storyboard/grid :: one";
    }

    private Map<UUID, ClientAnswers.Answer> answersOf(UUID projectId) {
        Map<UUID, ClientAnswers.Answer> all = new HashMap<>();
        answers.forEach(source -> all.putAll(source.ofProject(projectId)));
        return all;
    }
}
