package app.kadr.account;

import app.kadr.shared.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens. A token is 256 random bits; the database keeps only its SHA-256, which is enough
 * for a secret of that strength and lets a request be authenticated with one indexed lookup.
 */
@Repository
class ApiTokens {

    static final String PREFIX = "kadr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Issued(ApiToken token, String secret) {}

    Issued issue(UUID userId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(UUID.randomUUID(), name, Rows.now(), null);
        jdbc.sql("insert into api_tokens (id, user_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(token.id(), userId, name, hash(secret), Rows.ts(token.createdAt()))
                .update();
        return new Issued(token, secret);
    }

    Optional<UUID> ownerOf(String secret) {
        Optional<UUID> owner = jdbc.sql("select user_id from api_tokens where token_hash = ?")
                .param(hash(secret))
                .query(UUID.class)
                .optional();
        owner.ifPresent(id -> jdbc.sql("update api_tokens set last_used_at = ? where token_hash = ?")
                .params(Rows.ts(Instant.now()), hash(secret))
                .update());
        return owner;
    }

    List<ApiToken> of(UUID userId) {
        return jdbc.sql("select * from api_tokens where user_id = ? order by created_at desc")
                .param(userId)
                .query((rs, n) -> new ApiToken(
                        Rows.uuid(rs, "id"),
                        rs.getString("name"),
                        Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "last_used_at")))
                .list();
    }

    void revoke(UUID tokenId) {
        jdbc.sql("delete from api_tokens where id = ?").param(tokenId).update();
    }

    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
