package app.kadr.generation;

import app.kadr.account.CurrentUser;
import app.kadr.storyboard.StoryboardService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * «Перегенерировать устаревшие» on the element page: first what it would do (the shots, how many takes, the estimated
 * cost: a dry run), then, confirmed, the batch itself with the same models and seeds and the new element versions.
 */
@Controller
class StalePages {

    private final StaleTakes stale;
    private final StoryboardService storyboard;

    StalePages(StaleTakes stale, StoryboardService storyboard) {
        this.stale = stale;
        this.storyboard = storyboard;
    }

    /** One shot's share of the stale takes. */
    record ShotLine(UUID shotId, String title, int takes, BigDecimal cost) {}

    @GetMapping("/projects/{projectId}/stale/dialog")
    String dialog(CurrentUser me, @PathVariable UUID projectId, Model model) {
        StaleTakes.Report report = stale.regenerate(me.id(), projectId, true);
        model.addAttribute("projectId", projectId);
        model.addAttribute("report", report);
        model.addAttribute("shots", shots(me.id(), report));
        // As text: MessageFormat would print a BigDecimal as a bare «0».
        model.addAttribute(
                "cost", report.estimatedCost().setScale(2, RoundingMode.HALF_UP).toPlainString());
        return "generation/stale :: dialog";
    }

    @PostMapping("/projects/{projectId}/stale/regenerate")
    String regenerate(CurrentUser me, @PathVariable UUID projectId, Model model) {
        StaleTakes.Report started = stale.regenerate(me.id(), projectId, false);
        model.addAttribute("started", started.generationIds().size());
        return "generation/stale :: started";
    }

    private List<ShotLine> shots(UUID ownerId, StaleTakes.Report report) {
        Map<UUID, ShotLine> lines = new LinkedHashMap<>();
        for (StaleTakes.Stale item : report.items()) {
            BigDecimal cost = item.estimatedCost() == null ? BigDecimal.ZERO : item.estimatedCost();
            lines.merge(
                    item.shotId(),
                    new ShotLine(
                            item.shotId(),
                            storyboard.get(ownerId, item.shotId()).title(),
                            Math.max(1, item.assetIds().size()),
                            cost),
                    (a, b) -> new ShotLine(
                            a.shotId(),
                            a.title(),
                            a.takes() + b.takes(),
                            a.cost().add(b.cost())));
        }
        return new ArrayList<>(lines.values());
    }
}
