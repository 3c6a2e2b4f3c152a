package app.kadr.trash;

import app.kadr.account.CurrentUser;
import app.kadr.asset.AssetService;
import app.kadr.element.ElementService;
import app.kadr.project.ProjectService;
import app.kadr.storyboard.StoryboardService;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class TrashPage {

    private final ProjectService projects;
    private final StoryboardService storyboard;
    private final AssetService assets;
    private final ElementService elements;

    TrashPage(ProjectService projects, StoryboardService storyboard, AssetService assets, ElementService elements) {
        this.projects = projects;
        this.storyboard = storyboard;
        this.assets = assets;
        this.elements = elements;
    }

    @GetMapping("/trash")
    String trash(CurrentUser me, Model model) {
        model.addAttribute("projects", projects.trashed(me.id()));
        model.addAttribute("shots", storyboard.trashed(me.id()));
        model.addAttribute("assets", assets.trashed(me.id()));
        model.addAttribute("elements", elements.trashed(me.id()));
        return "trash/page";
    }

    @PostMapping("/trash/projects/{projectId}/restore")
    String restoreProject(CurrentUser me, @PathVariable UUID projectId) {
        projects.restore(me.id(), projectId);
        return "redirect:/trash";
    }

    @PostMapping("/trash/shots/{shotId}/restore")
    String restoreShot(CurrentUser me, @PathVariable UUID shotId) {
        storyboard.restore(me.id(), shotId);
        return "redirect:/trash";
    }

    @PostMapping("/trash/assets/{assetId}/restore")
    String restoreAsset(CurrentUser me, @PathVariable UUID assetId) {
        assets.restore(me.id(), assetId);
        return "redirect:/trash";
    }

    @PostMapping("/trash/elements/{elementId}/restore")
    String restoreElement(CurrentUser me, @PathVariable UUID elementId) {
        elements.restore(me.id(), elementId);
        return "redirect:/trash";
    }
}
