package app.kadr.film;

import app.kadr.account.CurrentUser;
import app.kadr.project.ProjectService;
import app.kadr.shared.Reel;
import app.kadr.storyboard.Headliner;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner watches the film: the headliners in storyboard order, videos as their original files with sound. The
 * client's link has the same player (see the sharing module), fed with the files a client may see.
 */
@Controller
class PlayerPage {

    private final ProjectService projects;
    private final StoryboardService storyboard;

    PlayerPage(ProjectService projects, StoryboardService storyboard) {
        this.projects = projects;
        this.storyboard = storyboard;
    }

    @GetMapping("/projects/{projectId}/play")
    String play(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable String from,
            Model model) {
        String name = projects.get(me.id(), projectId).name();
        Reel reel = new Reel(
                name,
                storyboard.storyboard(me.id(), projectId).items().stream()
                        .map(PlayerPage::onReel)
                        .toList(),
                Reel.start(from));
        model.addAttribute("reel", reel);
        model.addAttribute("backUrl", "/projects/" + projectId);
        return "film/player";
    }

    /** A shot whose headliner is not ready (still processing, or broken) or is a sound plays as its card. */
    private static Reel.Shot onReel(Shot shot) {
        Headliner h = shot.headliner();
        if (h == null || !h.isReady() || !(h.isVideo() || "image".equals(h.kind()))) {
            return Reel.Shot.card(shot.id(), shot.number(), shot.title(), shot.durationMs());
        }
        String original = h.urls().get("original");
        if (h.isVideo()) {
            return new Reel.Shot(
                    shot.id(),
                    shot.number(),
                    shot.title(),
                    shot.durationMs(),
                    Reel.Kind.VIDEO,
                    original,
                    h.urls().getOrDefault("poster", h.urls().get("preview")),
                    h.urls().get("hover"));
        }
        // The large preview, not the original: a still's original may be a 50 MB PNG that nobody can see whole.
        return new Reel.Shot(
                shot.id(),
                shot.number(),
                shot.title(),
                shot.durationMs(),
                Reel.Kind.STILL,
                h.urls().getOrDefault("preview", original),
                null,
                null);
    }
}
