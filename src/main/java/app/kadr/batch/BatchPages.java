package app.kadr.batch;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The batch on the storyboard: the dialog that prices a batch before it starts, and the strip of batches with their
 * progress. The storyboard page only holds the places; the selected shots come from its script as {@code shotIds}.
 */
@Controller
class BatchPages {

    static final int SHOWN = 5;

    private final BatchService batches;
    private final BatchModels models;
    private final Access access;
    private final Messages messages;

    BatchPages(BatchService batches, BatchModels models, Access access, Messages messages) {
        this.access = access;
        this.batches = batches;
        this.models = models;
        this.messages = messages;
    }

    /** The price and count shown in the dialog before confirming. */
    record Estimate(BatchPlan plan, String cost, boolean free, String skippedNumbers) {}

    @GetMapping("/projects/{projectId}/batches/strip")
    String strip(CurrentUser me, @PathVariable UUID projectId, Model model) {
        model.addAttribute("projectId", projectId);
        model.addAttribute("batches", batches.shown(me.id(), projectId, SHOWN));
        return "batch/parts :: strip";
    }

    @GetMapping("/projects/{projectId}/batches/new")
    String form(CurrentUser me, @PathVariable UUID projectId, Model model) {
        access.require(me.id(), OwnedKind.PROJECT, projectId);
        model.addAttribute("projectId", projectId);
        model.addAttribute("picker", models.picker());
        return "batch/parts :: form";
    }

    /** The dialog's fields; the chosen shots are added by the storyboard's script. */
    record BatchForm(
            @Nullable List<UUID> shotIds,
            @Nullable UUID modelId,
            @Nullable Integer count) {

        BatchRequest request(boolean dryRun) {
            return new BatchRequest(shotIds, modelId, count, null, dryRun);
        }
    }

    @PostMapping("/projects/{projectId}/batches/estimate")
    String estimate(CurrentUser me, @PathVariable UUID projectId, @ModelAttribute BatchForm form, Model model) {
        try {
            model.addAttribute("estimate", estimate(batches.start(me.id(), projectId, form.request(true))));
        } catch (KadrException refused) {
            model.addAttribute("error", refusal(refused));
        }
        model.addAttribute("projectId", projectId);
        return "batch/parts :: estimate";
    }

    /** Starts the batch and answers the strip with it; a refusal goes back into the dialog instead. */
    @PostMapping("/projects/{projectId}/batches/start")
    String start(
            CurrentUser me,
            @PathVariable UUID projectId,
            @ModelAttribute BatchForm form,
            Model model,
            HttpServletResponse response) {
        try {
            batches.start(me.id(), projectId, form.request(false));
        } catch (KadrException refused) {
            model.addAttribute("error", refusal(refused));
            model.addAttribute("projectId", projectId);
            response.setHeader("HX-Retarget", "#batch-estimate");
            response.setHeader("HX-Reswap", "outerHTML");
            return "batch/parts :: estimate";
        }
        response.setHeader("HX-Trigger", "batch-started");
        return strip(me, projectId, model);
    }

    @PostMapping("/batches/{batchId}/cancel")
    String cancel(CurrentUser me, @PathVariable UUID batchId, Model model) {
        UUID projectId = batches.cancel(me.id(), batchId).projectId();
        return strip(me, projectId, model);
    }

    @PostMapping("/batches/{batchId}/dismiss")
    String dismiss(CurrentUser me, @PathVariable UUID batchId, Model model) {
        UUID projectId = batches.projectOf(me.id(), batchId);
        batches.dismiss(me.id(), batchId);
        return strip(me, projectId, model);
    }

    /** A refusal the person can act on is shown in the dialog; a missing project stays a missing page. */
    private String refusal(KadrException refused) {
        if (refused.problem() == Problem.NOT_FOUND) {
            throw refused;
        }
        return messages.detailOf(refused);
    }

    private static Estimate estimate(BatchPlan plan) {
        BigDecimal cost = plan.estimatedCost().stripTrailingZeros();
        String numbers = String.join(
                ", ",
                plan.skipped().stream().map(s -> String.valueOf(s.shotNumber())).toList());
        return new Estimate(
                plan, (cost.scale() < 0 ? cost.setScale(0) : cost).toPlainString(), cost.signum() == 0, numbers);
    }
}
