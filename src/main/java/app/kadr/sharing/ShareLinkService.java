package app.kadr.sharing;

import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Rows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's side of share links: create, list, revoke; and the lookup of a token for the public side. */
@Service
public class ShareLinkService {

    static final int MIN_PASSWORD = 4;
    static final int MAX_PASSWORD = 200;

    private final ShareLinks links;
    private final Access access;
    private final PasswordEncoder passwords;
    private final Publishing publishing;

    ShareLinkService(ShareLinks links, Access access, PasswordEncoder passwords, Publishing publishing) {
        this.links = links;
        this.access = access;
        this.passwords = passwords;
        this.publishing = publishing;
    }

    /**
     * Makes a link. By default ({@code mode} version) it shows the storyboard as it is now, frozen as a published
     * version; {@code live} shows every later change at once. Not one transaction: the version is stored first
     * (see {@link Publishing}), once everything asked is known to be valid.
     */
    public ShareLink create(
            UUID ownerId,
            UUID projectId,
            @Nullable String mode,
            @Nullable Instant expiresAt,
            @Nullable String password,
            boolean allowComments,
            String baseUrl) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        boolean live = ShareLink.LIVE.equals(mode);
        if (mode != null && !live && !ShareLink.VERSION.equals(mode)) {
            throw KadrException.invalid("mode", "share.mode.invalid");
        }
        if (expiresAt != null && !expiresAt.isAfter(Rows.now())) {
            throw KadrException.invalid("expiresAt", "share.expires.past");
        }
        String hash = null;
        if (password != null && !password.isEmpty()) {
            if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
                throw KadrException.invalid("password", "share.password.length", MIN_PASSWORD, MAX_PASSWORD);
            }
            hash = passwords.encode(password);
        }
        UUID versionId = live ? null : publishing.current(ownerId, projectId);
        UUID id = UUID.randomUUID();
        links.insert(id, projectId, Secrets.newToken(), Secrets.newToken(), hash, allowComments, expiresAt, versionId);
        return links.byId(id, baseUrl).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<ShareLink> list(UUID ownerId, UUID projectId, String baseUrl) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return links.ofProject(projectId, baseUrl);
    }

    @Transactional(readOnly = true)
    public ShareLink get(UUID ownerId, UUID linkId, String baseUrl) {
        access.require(ownerId, OwnedKind.SHARE_LINK, linkId);
        return links.byId(linkId, baseUrl).orElseThrow(KadrException::notFound);
    }

    public UUID projectOf(UUID ownerId, UUID linkId) {
        return access.require(ownerId, OwnedKind.SHARE_LINK, linkId).project();
    }

    /** Revokes a link; from then on its token answers 404. Answers the link's project. */
    @Transactional
    public UUID revoke(UUID ownerId, UUID linkId) {
        UUID projectId = access.require(ownerId, OwnedKind.SHARE_LINK, linkId).project();
        links.revoke(linkId);
        return projectId;
    }

    /** The working link behind a token; anything else (malformed, unknown, revoked, expired) is 404. */
    @Transactional(readOnly = true)
    OpenLink open(String token) {
        if (!Secrets.looksLikeToken(token)) {
            throw KadrException.notFound();
        }
        return links.open(token).orElseThrow(KadrException::notFound);
    }

    boolean passwordMatches(OpenLink link, String password) {
        return link.passwordHash() != null && passwords.matches(password, link.passwordHash());
    }
}
