package app.kadr.smartedit;

import app.kadr.account.CurrentUser;
import app.kadr.generation.Generation;
import app.kadr.shared.Page;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class SmartEditApi {

    private final SmartEditService smartEdits;
    private final PromptEnhancer enhancer;

    SmartEditApi(SmartEditService smartEdits, PromptEnhancer enhancer) {
        this.smartEdits = smartEdits;
        this.enhancer = enhancer;
    }

    @PostMapping("/assets/{assetId}/smart-edit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmartEdit edit(CurrentUser me, @PathVariable UUID assetId, @RequestBody SmartEditRequest body) {
        return smartEdits.edit(me.id(), assetId, body);
    }

    /** The rewrite alone, to show and correct before running. */
    @PostMapping("/assets/{assetId}/smart-edit/preview")
    SmartEdit preview(CurrentUser me, @PathVariable UUID assetId, @RequestBody SmartEditRequest body) {
        return smartEdits.preview(me.id(), assetId, body);
    }

    @GetMapping("/assets/{assetId}/lineage")
    Page<LineageStep> lineage(CurrentUser me, @PathVariable UUID assetId) {
        return new Page<>(smartEdits.lineage(me.id(), assetId), null);
    }

    @PostMapping("/assets/{assetId}/repeat")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Generation repeat(CurrentUser me, @PathVariable UUID assetId) {
        return smartEdits.repeat(me.id(), assetId);
    }

    @PostMapping("/assets/{assetId}/remix")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Generation remix(CurrentUser me, @PathVariable UUID assetId) {
        return smartEdits.remix(me.id(), assetId);
    }

    record EnhanceRequest(@Nullable String prompt) {}

    @PostMapping("/prompts/enhance")
    PromptEnhancer.Enhanced enhance(CurrentUser me, @RequestBody EnhanceRequest body) {
        return enhancer.enhance(body.prompt());
    }
}
