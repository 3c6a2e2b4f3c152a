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
import org.springframework.web.bind.annotation.PatchMapping;
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
            @Nullable String mode,
            @Nullable Instant expiresAt,
            @Nullable String password,
            @Nullable Boolean allowComments) {}

    /** What a link shows: {@code live}, or {@code version} with a number (the latest when none). */
    record Shown(@Nullable String mode, @Nullable Integer version) {}

    record Reply(@Nullable String text) {}

    private final ShareLinkService links;
    private final CommentService comments;
    private final Publishing publishing;
    private final PublicAddress address;

    SharingApi(ShareLinkService links, CommentService comments, Publishing publishing, PublicAddress address) {
        this.links = links;
        this.comments = comments;
        this.publishing = publishing;
        this.address = address;
    }

    @PostMapping("/projects/{projectId}/share-links")
    @ResponseStatus(HttpStatus.CREATED)
    ShareLink create(
            CurrentUser me, @PathVariable UUID projectId, @RequestBody(required = false) @Nullable NewLink body) {
        NewLink link = body == null ? new NewLink(null, null, null, null) : body;
        return links.create(
                me.id(),
                projectId,
                link.mode(),
                link.expiresAt(),
                link.password(),
                link.allowComments() == null || link.allowComments(),
                address.prefix());
    }

    @GetMapping("/projects/{projectId}/share-links")
    Map<String, List<ShareLink>> list(CurrentUser me, @PathVariable UUID projectId) {
        return Map.of("items", links.list(me.id(), projectId, address.prefix()));
    }

    /** Publishes the storyboard as it is now as the project's next version, and shows it through this link. */
    @PostMapping("/share-links/{linkId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    PublishedVersion publish(CurrentUser me, @PathVariable UUID linkId) {
        return publishing.publish(me.id(), linkId);
    }

    /** Keeps a link on an older version, moves it to another, or makes it live. */
    @PatchMapping("/share-links/{linkId}")
    ShareLink show(CurrentUser me, @PathVariable UUID linkId, @RequestBody Shown body) {
        publishing.show(me.id(), linkId, body.mode(), body.version());
        return links.get(me.id(), linkId, address.prefix());
    }

    @GetMapping("/projects/{projectId}/share-versions")
    Map<String, List<PublishedVersion>> versions(CurrentUser me, @PathVariable UUID projectId) {
        return Map.of("items", publishing.list(me.id(), projectId));
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

    /** The owner's own comment on a shot, maybe at a moment and a spot of its headliner, maybe a reply. */
    @PostMapping("/shots/{shotId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Comment write(CurrentUser me, @PathVariable UUID shotId, @RequestBody CommentService.Draft body) {
        return comments.write(me.id(), shotId, body);
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
