package app.kadr.smartedit;

import app.kadr.account.CurrentUser;
import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The bodies of the «Умная правка» and «История» dialogs of an asset card. The dialog sends the JSON API calls
 * (preview, run, repeat, remix) itself; the diff of a preview is drawn from the API's word list.
 */
@Controller
class SmartEditPages {

    private final AssetService assets;
    private final SmartEditService smartEdits;
    private final Catalog catalog;
    private final Agent agent;

    SmartEditPages(AssetService assets, SmartEditService smartEdits, Catalog catalog, Agent agent) {
        this.assets = assets;
        this.smartEdits = smartEdits;
        this.catalog = catalog;
        this.agent = agent;
    }

    @GetMapping("/assets/{assetId}/smart-edit")
    String form(CurrentUser me, @PathVariable UUID assetId, Model model) {
        Asset asset = assets.get(me.id(), assetId);
        model.addAttribute("asset", asset);
        model.addAttribute("agentReady", agent.configured());
        model.addAttribute("models", sameTask(asset));
        return "smartedit/dialogs :: edit-form";
    }

    @GetMapping("/assets/{assetId}/lineage")
    String lineage(CurrentUser me, @PathVariable UUID assetId, Model model) {
        model.addAttribute("assetId", assetId);
        model.addAttribute("steps", smartEdits.lineage(me.id(), assetId));
        return "smartedit/dialogs :: lineage";
    }

    /** The models that can remake this asset: usable ones of the same task as the model that made it. */
    private List<CatalogModel> sameTask(Asset asset) {
        if (asset.generation() == null) {
            return List.of();
        }
        return catalog.find(asset.generation().modelId())
                .map(made -> catalog.models(made.task(), null, null, true))
                .orElse(List.of());
    }
}
