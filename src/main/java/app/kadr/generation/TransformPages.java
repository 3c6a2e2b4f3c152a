package app.kadr.generation;

import app.kadr.account.CurrentUser;
import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.asset.TakeTransforms;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.Task;
import app.kadr.shared.KadrException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The body of the box's «Обработать» dialog, opened from a take's menu: the models of one task that start from this
 * take, its parameters, and for a lip sync the other half (a sound for a video, a video for a sound). The browser
 * then starts an ordinary generation with the take among its sources, so the result lands in the shot's feed linked
 * to them.
 */
@Controller
class TransformPages {

    /** Tasks whose models take no words: the dialog shows no prompt for them. */
    private static final Set<Task> WORDLESS = Set.of(Task.LIP_SYNC, Task.REMOVE_BACKGROUND);

    private static final int PARTNERS = 100;

    private final AssetService assets;
    private final Catalog catalog;

    TransformPages(AssetService assets, Catalog catalog) {
        this.assets = assets;
        this.catalog = catalog;
    }

    @GetMapping("/assets/{assetId}/transform")
    String form(
            CurrentUser me,
            @PathVariable UUID assetId,
            @RequestParam(required = false) @org.jspecify.annotations.Nullable String task,
            Model model) {
        Asset asset = assets.get(me.id(), assetId);
        Task chosen = Task.of(task)
                .filter(t -> TakeTransforms.BY_KIND
                        .getOrDefault(asset.kind(), List.of())
                        .contains(t.code()))
                .orElseThrow(KadrException::notFound);
        List<CatalogModel> listed = catalog.models(chosen, null, null, false).stream()
                .filter(CatalogModel::enabled)
                .filter(m -> m.accepts(SourceInputs.INPUT_OF_KIND.get(asset.kind())))
                .toList();
        model.addAttribute("picker", ModelPicker.of(listed));
        model.addAttribute("asset", asset);
        model.addAttribute("task", chosen.code());
        model.addAttribute("prompted", !WORDLESS.contains(chosen));
        String partnerKind = chosen == Task.LIP_SYNC ? (asset.isAudio() ? "video" : "audio") : null;
        model.addAttribute("partnerKind", partnerKind);
        model.addAttribute(
                "partners",
                partnerKind == null
                        ? List.of()
                        : assets.feed(me.id(), asset.shotId(), partnerKind, null, PARTNERS).items().stream()
                                .filter(Asset::isReady)
                                .toList());
        return "generation/transform :: form";
    }
}
