package app.kadr.sharing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A share link as its owner sees it.
 *
 * @param mode {@code version}: the client sees {@code version}, frozen; {@code live}: the storyboard as it is now
 */
public record ShareLink(
        UUID id,
        String token,
        String url,
        @Nullable Instant expiresAt,
        boolean allowComments,
        boolean hasPassword,
        boolean expired,
        Instant createdAt,

        @Schema(
                description = "version — клиент видит опубликованную версию; live — раскадровку как есть сейчас",
                allowableValues = {"live", "version"})
        String mode,

        @Schema(description = "Версия, которую показывает ссылка (null в режиме live)") @Nullable
        PublishedVersion version) {

    public static final String LIVE = "live";
    public static final String VERSION = "version";

    @JsonIgnore
    public boolean isLive() {
        return LIVE.equals(mode);
    }
}
