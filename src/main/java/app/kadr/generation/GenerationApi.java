package app.kadr.generation;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Cursor;
import app.kadr.shared.Page;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class GenerationApi {

    private final GenerationService generations;

    GenerationApi(GenerationService generations) {
        this.generations = generations;
    }

    @PostMapping("/shots/{shotId}/generations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    List<Generation> generate(CurrentUser me, @PathVariable UUID shotId, @RequestBody NewGeneration body) {
        return generations.generate(me.id(), shotId, body);
    }

    @GetMapping("/shots/{shotId}/generations")
    Page<Generation> ofShot(CurrentUser me, @PathVariable UUID shotId, @RequestParam(required = false) Integer limit) {
        return new Page<>(generations.ofShot(me.id(), shotId, Cursor.limit(limit)), null);
    }

    @PostMapping("/assets/{assetId}/animate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Generation animate(CurrentUser me, @PathVariable UUID assetId, @RequestBody NewGeneration body) {
        return generations.animate(me.id(), assetId, body);
    }

    @GetMapping("/generations/{generationId}")
    Generation get(CurrentUser me, @PathVariable UUID generationId) {
        return generations.get(me.id(), generationId);
    }

    @GetMapping("/projects/{projectId}/generations")
    Page<Generation> history(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit) {
        return new Page<>(generations.history(me.id(), projectId, status, Cursor.limit(limit)), null);
    }

    @PostMapping("/generations/{generationId}/cancel")
    Generation cancel(CurrentUser me, @PathVariable UUID generationId) {
        return generations.cancel(me.id(), generationId);
    }

    @PostMapping("/generations/{generationId}/retry")
    Generation retry(CurrentUser me, @PathVariable UUID generationId) {
        return generations.retry(me.id(), generationId);
    }
}
