package app.kadr.sharing;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client's answers on a shot of the published version a link shows. {@code shotRef} is the shot's id as the
 * client's view names it; a shot the link does not show, or a wrong, revoked or expired token, is 404.
 */
@RestController
@RequestMapping("/api/v1/public/{token}/shots/{shotRef}")
class PublicReviewApi {

    record Decision(@Nullable String decision, @Nullable String comment) {}

    record Choice(@Nullable String candidateRef, @Nullable String reason) {}

    private final ShareLinkService links;
    private final Unlocking unlocking;
    private final Answering answering;

    PublicReviewApi(ShareLinkService links, Unlocking unlocking, Answering answering) {
        this.links = links;
        this.unlocking = unlocking;
        this.answering = answering;
    }

    /** «Утверждено» or «Нужны правки» (the latter with a comment); a second answer replaces the first. */
    @PutMapping("/approval")
    ClientView.Approval approval(
            @PathVariable String token,
            @PathVariable String shotRef,
            @RequestBody Decision body,
            HttpServletRequest request) {
        OpenLink link = open(token, request);
        return answering.approve(link, shotRef, body.decision(), body.comment());
    }

    /** The client's favourite among the shot's candidates, with an optional reason. */
    @PutMapping("/pick")
    ClientView.Pick pick(
            @PathVariable String token,
            @PathVariable String shotRef,
            @RequestBody Choice body,
            HttpServletRequest request) {
        OpenLink link = open(token, request);
        return answering.pick(link, shotRef, body.candidateRef(), body.reason());
    }

    private OpenLink open(String token, HttpServletRequest request) {
        SameOrigin.require(request);
        OpenLink link = links.open(token);
        unlocking.requireUnlocked(link, request);
        return link;
    }
}
