package app.kadr.storyboard;

import app.kadr.account.CurrentUser;
import app.kadr.project.ProjectFormat;
import app.kadr.project.ProjectService;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The storyboard grid. Full page on first load; after an action (add, insert, duplicate, trash) htmx asks
 * for the grid fragment only.
 */
@Controller
class StoryboardPage {

    private final StoryboardService storyboard;
    private final ProjectService projects;

    StoryboardPage(StoryboardService storyboard, ProjectService projects) {
        this.storyboard = storyboard;
        this.projects = projects;
    }

    @GetMapping("/projects/{projectId}")
    String page(CurrentUser me, @PathVariable UUID projectId, Model model) {
        model.addAttribute("project", projects.get(me.id(), projectId));
        model.addAttribute("storyboard", storyboard.storyboard(me.id(), projectId));
        model.addAttribute("projectId", projectId);
        model.addAttribute("frameRates", ProjectFormat.FRAME_RATES);
        model.addAttribute("aspectRatios", ProjectFormat.ASPECT_RATIOS);
        return "storyboard/page";
    }

    @GetMapping("/projects/{projectId}/grid")
    String grid(CurrentUser me, @PathVariable UUID projectId, Model model) {
        return gridOf(me, projectId, model);
    }

    @GetMapping("/shots/{shotId}/box")
    String box(CurrentUser me, @PathVariable UUID shotId, Model model) {
        model.addAttribute("shot", storyboard.get(me.id(), shotId));
        return "storyboard/grid :: box";
    }

    @PostMapping("/projects/{projectId}/shots/add")
    String add(CurrentUser me, @PathVariable UUID projectId, Model model) {
        storyboard.add(me.id(), projectId, null, null, null);
        return gridOf(me, projectId, model);
    }

    @PostMapping("/shots/{shotId}/insert-after")
    String insertAfter(CurrentUser me, @PathVariable UUID shotId, Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        storyboard.add(me.id(), shot.projectId(), null, null, shot.number() + 1);
        return gridOf(me, shot.projectId(), model);
    }

    @PostMapping("/shots/{shotId}/duplicate")
    String duplicate(CurrentUser me, @PathVariable UUID shotId, Model model) {
        Shot copy = storyboard.duplicate(me.id(), shotId);
        return gridOf(me, copy.projectId(), model);
    }

    @PostMapping("/shots/{shotId}/trash")
    String trash(CurrentUser me, @PathVariable UUID shotId, Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        storyboard.moveToTrash(me.id(), shotId);
        return gridOf(me, shot.projectId(), model);
    }

    private String gridOf(CurrentUser me, UUID projectId, Model model) {
        model.addAttribute("storyboard", storyboard.storyboard(me.id(), projectId));
        model.addAttribute("projectId", projectId);
        return "storyboard/grid :: grid";
    }
}
