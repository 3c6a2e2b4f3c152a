package app.kadr.sharing;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What a share link serves to anyone who holds its token. Wrong, revoked or expired tokens are 404. */
@RestController
@RequestMapping("/api/v1/public/{token}")
class PublicApi {

    record NewComment(@Nullable String authorName, @Nullable String text) {}

    record Password(@Nullable String password) {}

    private final ShareLinkService links;
    private final ClientService client;
    private final Unlocking unlocking;

    PublicApi(ShareLinkService links, ClientService client, Unlocking unlocking) {
        this.links = links;
        this.client = client;
        this.unlocking = unlocking;
    }

    @GetMapping
    ClientView view(@PathVariable String token, HttpServletRequest request) {
        OpenLink link = links.open(token);
        if (!unlocking.isUnlocked(link, request)) {
            throw KadrException.of(Problem.UNAUTHORIZED, "share.password.required");
        }
        return client.view(link);
    }

    @PostMapping("/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(
            @PathVariable String token,
            @RequestBody Password body,
            HttpServletRequest request,
            HttpServletResponse response) {
        SameOrigin.require(request);
        OpenLink link = links.open(token);
        unlocking.unlock(link, body.password() == null ? "" : body.password(), request, response);
    }

    @PostMapping("/shots/{shotId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    ClientView.ClientComment comment(
            @PathVariable String token,
            @PathVariable UUID shotId,
            @RequestBody NewComment body,
            HttpServletRequest request) {
        SameOrigin.require(request);
        OpenLink link = links.open(token);
        unlocking.requireUnlocked(link, request);
        return client.comment(
                link,
                new ClientService.Draft(shotId.toString(), null, body.authorName(), body.text(), null, null),
                request.getRemoteAddr());
    }

    /**
     * A comment on a shot ({@code shotRef}, the id the page shows), maybe at a moment of its video and with a drawing
     * over its picture, maybe a reply in a thread ({@code parentId}).
     */
    @PostMapping("/comments")
    @ResponseStatus(HttpStatus.CREATED)
    ClientView.ClientComment commentOnMoment(
            @PathVariable String token, @RequestBody ClientService.Draft body, HttpServletRequest request) {
        SameOrigin.require(request);
        OpenLink link = links.open(token);
        unlocking.requireUnlocked(link, request);
        return client.comment(link, body, request.getRemoteAddr());
    }

    /**
     * The link's comments alone, for the client's page to poll while it is open. The ETag is taken before the
     * comments are read, so a change in between costs one more fetch later and is never missed. The link is opened
     * (and its password checked) on every call, so a revoked or expired link stops answering at once.
     */
    @GetMapping("/comments")
    ResponseEntity<ClientView.Conversation> conversation(
            @PathVariable String token,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String seen,
            HttpServletRequest request) {
        OpenLink link = links.open(token);
        unlocking.requireUnlocked(link, request);
        String tag = "\"" + client.conversationTag(link) + "\"";
        boolean unchanged = tag.equals(seen);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(tag)
                .cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex");
        return unchanged ? answer.build() : answer.body(client.conversation(link));
    }

    /** A headliner's re-encoded file. The address changes with the file, so it may be cached for good. */
    @GetMapping("/media/{ref}/{variant}")
    ResponseEntity<Resource> media(
            @PathVariable String token,
            @PathVariable String ref,
            @PathVariable String variant,
            HttpServletRequest request)
            throws IOException {
        OpenLink link = links.open(token);
        unlocking.requireUnlocked(link, request);
        ClientService.MediaFile file = client.media(link, ref, variant);
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .header("X-Robots-Tag", "noindex")
                .contentType(MediaType.parseMediaType(file.mimeType()))
                .body(file.body());
    }
}
