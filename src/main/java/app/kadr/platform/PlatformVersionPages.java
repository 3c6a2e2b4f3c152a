package app.kadr.platform;

import app.kadr.account.CurrentUser;
import app.kadr.asset.Asset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The body of the «Версии для соцсетей» dialog of a take: the picture with its focal point, the formats with a preview
 * of each cut and the bands its platform covers. The dialog posts to the JSON API itself.
 */
@Controller
class PlatformVersionPages {

    private final PlatformVersionService versions;

    PlatformVersionPages(PlatformVersionService versions) {
        this.versions = versions;
    }

    @GetMapping("/assets/{assetId}/platform-versions")
    String form(CurrentUser me, @PathVariable UUID assetId, Model model) {
        Asset take = versions.source(me.id(), assetId);
        model.addAttribute("take", take);
        model.addAttribute("focus", versions.subjectOf(me.id(), take));
        model.addAttribute("formats", List.of(PlatformFormat.values()));
        return "platform/dialog :: form";
    }
}
