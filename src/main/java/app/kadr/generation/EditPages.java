package app.kadr.generation;

import app.kadr.account.CurrentUser;
import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.Task;
import app.kadr.shared.KadrException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The bodies of the picture edit dialogs of an image take: «Дорисовать» (a mask editor and the inpaint models) and
 * «Расширить кадр» (the aspect ratio, where the picture sits, and the outpaint models). The forms post through the
 * API like the generation bar; {@code static/js/mask-editor.js} draws the mask and the canvas preview.
 */
@Controller
class EditPages {

    private final AssetService assets;
    private final Catalog catalog;

    EditPages(AssetService assets, Catalog catalog) {
        this.assets = assets;
        this.catalog = catalog;
    }

    @GetMapping("/assets/{assetId}/inpaint")
    String inpaint(CurrentUser me, @PathVariable UUID assetId, Model model) {
        return form(me, assetId, Task.INPAINT, model, "box/edits :: inpaint-form");
    }

    @GetMapping("/assets/{assetId}/outpaint")
    String outpaint(CurrentUser me, @PathVariable UUID assetId, Model model) {
        return form(me, assetId, Task.OUTPAINT, model, "box/edits :: outpaint-form");
    }

    private String form(CurrentUser me, UUID assetId, Task task, Model model, String view) {
        Asset asset = assets.get(me.id(), assetId);
        if (!"image".equals(asset.kind()) || !asset.isReady()) {
            throw KadrException.notFound();
        }
        List<CatalogModel> listed = catalog.models(task, null, null, false).stream()
                .filter(CatalogModel::enabled)
                .toList();
        model.addAttribute("asset", asset);
        model.addAttribute("picker", ModelPicker.of(listed));
        return view;
    }
}
