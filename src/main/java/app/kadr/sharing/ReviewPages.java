package app.kadr.sharing;

import app.kadr.account.CurrentUser;
import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client's answers in the box: the candidates offered on the shot (chosen from the takes' menus), and what the
 * client answered in each version, with the favourite made the headliner in one click.
 */
@Controller
class ReviewPages {

    /** Tells the box page its takes changed (a new headliner), so it redraws them. */
    static final String FEED_CHANGED = "feed-changed";

    private final ReviewService reviews;
    private final AssetService assets;
    private final StoryboardService storyboard;
    private final Messages messages;

    ReviewPages(ReviewService reviews, AssetService assets, StoryboardService storyboard, Messages messages) {
        this.reviews = reviews;
        this.assets = assets;
        this.storyboard = storyboard;
        this.messages = messages;
    }

    @GetMapping("/shots/{shotId}/review")
    String review(CurrentUser me, @PathVariable UUID shotId, Model model) {
        return reviewOf(me, shotId, model);
    }

    /** Offers a take to the client or takes it back; a refusal (a fifth take, a sound) shows in the section. */
    @PostMapping("/shots/{shotId}/candidates/toggle")
    String toggle(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) @Nullable UUID assetId,
            Model model) {
        try {
            reviews.toggleCandidate(me.id(), shotId, assetId);
        } catch (KadrException refused) {
            if (refused.problem() != Problem.VALIDATION) {
                throw refused;
            }
            model.addAttribute("error", messages.detailOf(refused));
        }
        return reviewOf(me, shotId, model);
    }

    @PostMapping("/shots/{shotId}/review/headliner")
    String headliner(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) @Nullable Integer version,
            HttpServletResponse response,
            Model model) {
        reviews.makeHeadliner(me.id(), shotId, version);
        response.setHeader("HX-Trigger", FEED_CHANGED);
        return reviewOf(me, shotId, model);
    }

    private String reviewOf(CurrentUser me, UUID shotId, Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        List<Asset> offered = new ArrayList<>();
        for (UUID assetId : reviews.candidates(me.id(), shotId)) {
            try {
                offered.add(assets.get(me.id(), assetId));
            } catch (KadrException gone) {
                // A take trashed since it was offered drops out of the offer (the publish leaves it out too).
            }
        }
        model.addAttribute("shotId", shotId);
        model.addAttribute("offered", offered);
        model.addAttribute("reviews", reviews.ofShot(me.id(), shotId));
        model.addAttribute(
                "headlinerId",
                shot.headliner() == null ? null : shot.headliner().id());
        return "sharing/review :: owner-shot";
    }
}
