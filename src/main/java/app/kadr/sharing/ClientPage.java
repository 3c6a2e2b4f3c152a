package app.kadr.sharing;

import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import app.kadr.shared.Reel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The client's page of a share link, in its own layout: the film, not the studio. */
@Controller
class ClientPage {

    private final ShareLinkService links;
    private final ClientService client;
    private final Unlocking unlocking;
    private final Messages messages;

    ClientPage(ShareLinkService links, ClientService client, Unlocking unlocking, Messages messages) {
        this.links = links;
        this.client = client;
        this.unlocking = unlocking;
        this.messages = messages;
    }

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        OpenLink link = links.open(token);
        privately(response);
        model.addAttribute("token", token);
        if (!unlocking.isUnlocked(link, request)) {
            return "sharing/locked";
        }
        model.addAttribute("view", client.view(link));
        return "sharing/client";
    }

    /** The film played shot after shot, like the owner's player, with the files the client's page shows. */
    @GetMapping("/s/{token}/play")
    String play(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String from,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        OpenLink link = links.open(token);
        privately(response);
        if (!unlocking.isUnlocked(link, request)) {
            model.addAttribute("token", token);
            return "sharing/locked";
        }
        model.addAttribute("reel", client.reel(link, Reel.start(from)));
        model.addAttribute("backUrl", "/s/" + token);
        return "film/player";
    }

    @PostMapping("/s/{token}/unlock")
    String unlock(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        OpenLink link = links.open(token);
        try {
            unlocking.unlock(link, password, request, response);
            return "redirect:/s/" + token;
        } catch (KadrException refused) {
            if (refused.problem() == Problem.NOT_FOUND) {
                throw refused;
            }
            privately(response);
            response.setStatus(refused.problem().status().value());
            model.addAttribute("token", token);
            model.addAttribute("error", messages.detailOf(refused));
            return "sharing/locked";
        }
    }

    /**
     * Any other address under {@code /s/} names no link either: it gets the same client page, not the studio's
     * error page with its way back to the projects.
     */
    @GetMapping({"/s", "/s/**"})
    String unknown() {
        throw KadrException.notFound();
    }

    /** A wrong, revoked or expired link gets a calm page of its own, without the studio around it. */
    @ExceptionHandler(KadrException.class)
    ModelAndView gone(KadrException e, HttpServletResponse response) {
        privately(response);
        ModelAndView page = new ModelAndView("sharing/gone");
        page.setStatus(
                e.problem() == Problem.NOT_FOUND
                        ? HttpStatus.NOT_FOUND
                        : e.problem().status());
        return page;
    }

    /** The page holds a secret address: no search engine, no referrer, no shared cache. */
    private static void privately(HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
