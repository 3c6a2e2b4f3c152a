package app.kadr.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place that makes the studio's links absolute: share links, direct-upload addresses, the passport's file
 * links, providers' webhooks. They use {@code kadr.public-url} ({@code KADR_PUBLIC_URL}) and never a request's
 * {@code Host} header, which whoever sends the request writes. Without the setting a link stays a path
 * ({@code /s/…}), which a browser resolves against the address it is really at; redirects are always paths.
 */
@Component
public class PublicAddress {

    private final @Nullable String base;

    public PublicAddress(@Value("${kadr.public-url:}") String publicUrl) {
        this.base = checked(publicUrl.strip());
    }

    /** The studio's public address without a trailing slash, if configured. */
    public Optional<String> base() {
        return Optional.ofNullable(base);
    }

    /** What goes before a path ("/s/…") to make a link: the public address, or nothing (the link stays a path). */
    public String prefix() {
        return base == null ? "" : base;
    }

    /** {@code path} (starting with "/") under the public address, or the path alone when none is configured. */
    public String of(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + path);
        }
        return base == null ? path : base + path;
    }

    /** A wrong setting stops the start with the culprit named, rather than producing broken links later. */
    private static @Nullable String checked(String publicUrl) {
        if (publicUrl.isEmpty()) {
            return null;
        }
        String base = publicUrl.replaceAll("/+$", "");
        try {
            URI uri = new URI(base);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null) {
                return base;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalStateException(
                "kadr.public-url (KADR_PUBLIC_URL): not an http(s) address such as https://kadr.example.org: "
                        + publicUrl);
    }
}
