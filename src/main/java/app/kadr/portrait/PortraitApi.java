package app.kadr.portrait;

import app.kadr.account.CurrentUser;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** «Сгенерировать портрет» for a character, and where its newest run stands. */
@RestController
@RequestMapping("/api/v1/elements/{elementId}/portrait")
class PortraitApi {

    private final PortraitService portraits;

    PortraitApi(PortraitService portraits) {
        this.portraits = portraits;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    PortraitRun start(
            CurrentUser me,
            @PathVariable UUID elementId,
            @RequestBody(required = false) @Nullable PortraitRequest body) {
        return portraits.start(me.id(), elementId, body == null ? PortraitRequest.defaults() : body);
    }

    @GetMapping
    PortraitRun latest(CurrentUser me, @PathVariable UUID elementId) {
        return portraits.latest(me.id(), elementId);
    }
}
