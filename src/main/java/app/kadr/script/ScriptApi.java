package app.kadr.script;

import app.kadr.account.CurrentUser;
import app.kadr.storyboard.Shot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Script → shots: read a script into a proposal, confirm it into shots; the shot list as CSV. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
class ScriptApi {

    record Script(@Nullable String text, @Nullable String format) {}

    record Created(List<Shot> shots) {}

    private final ScriptService scripts;

    ScriptApi(ScriptService scripts) {
        this.scripts = scripts;
    }

    @PostMapping("/script")
    @ResponseStatus(HttpStatus.CREATED)
    Proposal propose(CurrentUser me, @PathVariable UUID projectId, @RequestBody Script body) {
        return scripts.propose(me.id(), projectId, body.text(), body.format());
    }

    @GetMapping("/script/{proposalId}")
    Proposal get(CurrentUser me, @PathVariable UUID projectId, @PathVariable UUID proposalId) {
        return scripts.get(me.id(), projectId, proposalId);
    }

    @PostMapping("/script/{proposalId}/apply")
    @ResponseStatus(HttpStatus.CREATED)
    Created apply(
            CurrentUser me,
            @PathVariable UUID projectId,
            @PathVariable UUID proposalId,
            @RequestBody ScriptService.Confirmed body) {
        return new Created(scripts.apply(me.id(), projectId, proposalId, body));
    }

    @GetMapping("/shots.csv")
    ResponseEntity<byte[]> shotList(CurrentUser me, @PathVariable UUID projectId) {
        byte[] csv = scripts.shotList(me.id(), projectId).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("shots.csv")
                                .build()
                                .toString())
                .body(csv);
    }
}
