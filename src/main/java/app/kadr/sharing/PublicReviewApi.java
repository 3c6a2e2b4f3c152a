package app.kadr.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record Decision(
            @Schema(
                    description = "Решение клиента по шоту",
                    allowableValues = {"approved", "changes"})
            @Nullable
            String decision,

            @Schema(description = "Что поправить: обязательно при changes, до 2000 символов") @Nullable
            String comment) {}

    record Choice(
            @Schema(description = "Непрозрачная ссылка на вариант из shots[].review.candidates[].ref") @Nullable
            String candidateRef,

            @Schema(description = "Почему этот вариант, до 2000 символов") @Nullable
            String reason) {}

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
    @Operation(
            summary = "Ответ клиента по шоту опубликованной версии",
            description = "«Утверждено» (approved) или «Нужны правки» (changes, с комментарием); повторный ответ"
                    + " заменяет прежний. По ссылке на живую раскадровку — 409, при выключенных ответах — 403;"
                    + " больше 120 ответов в минуту с одного адреса по одной ссылке — 429.")
    ClientView.Approval approval(
            @PathVariable String token,
            @PathVariable String shotRef,
            @RequestBody Decision body,
            HttpServletRequest request) {
        OpenLink link = open(token, request);
        return answering.approve(link, shotRef, body.decision(), body.comment(), request.getRemoteAddr());
    }

    /** The client's favourite among the shot's candidates, with an optional reason. */
    @PutMapping("/pick")
    @Operation(
            summary = "Выбор клиента среди вариантов шота",
            description = "Любимый вариант среди 2–4 дублей, предложенных в этой версии, с необязательной причиной.")
    ClientView.Pick pick(
            @PathVariable String token,
            @PathVariable String shotRef,
            @RequestBody Choice body,
            HttpServletRequest request) {
        OpenLink link = open(token, request);
        return answering.pick(link, shotRef, body.candidateRef(), body.reason(), request.getRemoteAddr());
    }

    private OpenLink open(String token, HttpServletRequest request) {
        SameOrigin.require(request);
        OpenLink link = links.open(token);
        unlocking.requireUnlocked(link, request);
        return link;
    }
}
