package app.kadr.element;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Page;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The elements a shot features (set by hand, or found from mentions), and where an element is used. */
@RestController
@RequestMapping("/api/v1")
class ShotCastApi {

    record HandSet(@Nullable List<UUID> elementIds) {}

    private final ShotCast cast;

    ShotCastApi(ShotCast cast) {
        this.cast = cast;
    }

    @GetMapping("/shots/{shotId}/elements")
    Page<FeaturedElement> of(CurrentUser me, @PathVariable UUID shotId) {
        return new Page<>(cast.of(me.id(), shotId), null);
    }

    @PutMapping("/shots/{shotId}/elements")
    Page<FeaturedElement> set(CurrentUser me, @PathVariable UUID shotId, @RequestBody HandSet body) {
        cast.set(me.id(), shotId, body.elementIds());
        return of(me, shotId);
    }

    @GetMapping("/elements/{elementId}/usage")
    ElementUsage usage(CurrentUser me, @PathVariable UUID elementId) {
        return cast.usage(me.id(), elementId);
    }
}
