package app.kadr.portrait;

import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portrait panel of a character's page: the button and the three views of the newest run. While a view is on its
 * way the panel asks again every few seconds; when more takes have joined the references than the page last knew
 * ({@code added}), it says {@code element-references-changed} so the page reloads them.
 */
@Controller
class PortraitPages {

    private final PortraitService portraits;
    private final Messages messages;

    PortraitPages(PortraitService portraits, Messages messages) {
        this.portraits = portraits;
        this.messages = messages;
    }

    @GetMapping("/elements/{elementId}/portrait")
    String panel(
            CurrentUser me,
            @PathVariable UUID elementId,
            @RequestParam(required = false) @Nullable Long added,
            Model model,
            HttpServletResponse response) {
        return shown(portraits.latest(me.id(), elementId), added, null, model, response);
    }

    @PostMapping("/elements/{elementId}/portrait")
    String start(CurrentUser me, @PathVariable UUID elementId, Model model, HttpServletResponse response) {
        try {
            PortraitRun run = portraits.start(me.id(), elementId, PortraitRequest.defaults());
            return shown(run, null, null, model, response);
        } catch (KadrException refused) {
            if (refused.problem() == Problem.NOT_FOUND) {
                throw refused;
            }
            return shown(portraits.latest(me.id(), elementId), null, messages.detailOf(refused), model, response);
        }
    }

    private static String shown(
            PortraitRun run,
            @Nullable Long knownAdded,
            @Nullable String error,
            Model model,
            HttpServletResponse response) {
        if (knownAdded != null && run.added() != knownAdded) {
            response.setHeader("HX-Trigger", "element-references-changed");
        }
        model.addAttribute("run", run);
        model.addAttribute("error", error);
        return "portrait/panel :: panel";
    }
}
