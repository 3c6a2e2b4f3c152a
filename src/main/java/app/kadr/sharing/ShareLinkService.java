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

    ShareLinkService(ShareLinks links, Access access, PasswordEncoder passwords) {
        this.links = links;
        this.access = access;
        this.passwords = passwords;
    }

    @Transactional
    public ShareLink create(
            UUID ownerId,
            UUID projectId,
            @Nullable Instant expiresAt,
            @Nullable String password,
            boolean allowComments,
            String baseUrl) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
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
        UUID id = UUID.randomUUID();
        links.insert(id, projectId, Secrets.newToken(), Secrets.newToken(), hash, allowComments, expiresAt);
        return links.byId(id, baseUrl).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<ShareLink> list(UUID ownerId, UUID projectId, String baseUrl) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return links.ofProject(projectId, baseUrl);
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
