package app.kadr.sharing;

import app.kadr.account.CurrentUser;
import app.kadr.shared.PublicAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owner's API for share links and the comments that come through them. */
@RestController
@RequestMapping("/api/v1")
class SharingApi {

    record NewLink(
            @Nullable Instant expiresAt,
            @Nullable String password,
            @Nullable Boolean allowComments) {}

    record Reply(@Nullable String text) {}

    private final ShareLinkService links;
    private final CommentService comments;
    private final PublicAddress address;

    SharingApi(ShareLinkService links, CommentService comments, PublicAddress address) {
        this.links = links;
        this.comments = comments;
        this.address = address;
    }

    @PostMapping("/projects/{projectId}/share-links")
    @ResponseStatus(HttpStatus.CREATED)
    ShareLink create(
            CurrentUser me, @PathVariable UUID projectId, @RequestBody(required = false) @Nullable NewLink body) {
        NewLink link = body == null ? new NewLink(null, null, null) : body;
        return links.create(
                me.id(),
                projectId,
                link.expiresAt(),
                link.password(),
                link.allowComments() == null || link.allowComments(),
                address.prefix());
    }

    @GetMapping("/projects/{projectId}/share-links")
    Map<String, List<ShareLink>> list(CurrentUser me, @PathVariable UUID projectId) {
        return Map.of("items", links.list(me.id(), projectId, address.prefix()));
    }

    @DeleteMapping("/share-links/{linkId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser me, @PathVariable UUID linkId) {
        links.revoke(me.id(), linkId);
    }

    @GetMapping("/projects/{projectId}/comments")
    Map<String, List<Comment>> comments(
            CurrentUser me, @PathVariable UUID projectId, @RequestParam(defaultValue = "false") boolean unread) {
        return Map.of("items", comments.ofProject(me.id(), projectId, unread));
    }

    @GetMapping("/shots/{shotId}/comments")
    Map<String, List<Comment>> shotComments(CurrentUser me, @PathVariable UUID shotId) {
        return Map.of("items", comments.ofShot(me.id(), shotId));
    }

    @PostMapping("/comments/{commentId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(CurrentUser me, @PathVariable UUID commentId) {
        comments.markRead(me.id(), commentId);
    }

    @PostMapping("/projects/{projectId}/comments/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll(CurrentUser me, @PathVariable UUID projectId) {
        comments.markAllRead(me.id(), projectId);
    }

    @PostMapping("/comments/{commentId}/reply")
    Comment reply(CurrentUser me, @PathVariable UUID commentId, @RequestBody Reply body) {
        return comments.reply(me.id(), commentId, body.text());
    }

    @DeleteMapping("/comments/{commentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser me, @PathVariable UUID commentId) {
        comments.delete(me.id(), commentId);
    }
}
