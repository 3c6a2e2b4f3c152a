package app.kadr.asset;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Messages;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** «Пересобрать превью» for a whole project: rebuilds every missing or broken derivative. */
@Controller
class RepairPage {

    private final AssetService assets;
    private final Messages messages;

    RepairPage(AssetService assets, Messages messages) {
        this.assets = assets;
        this.messages = messages;
    }

    @PostMapping("/projects/{projectId}/repair")
    String repair(CurrentUser me, @PathVariable UUID projectId, RedirectAttributes redirect) {
        int queued = assets.repairProject(me.id(), projectId);
        redirect.addFlashAttribute("notice", messages.get("storyboard.repaired", queued));
        return "redirect:/projects/" + projectId;
    }
}
