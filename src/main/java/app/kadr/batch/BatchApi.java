package app.kadr.batch;

import app.kadr.account.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Пакеты", description = "Одна модель по многим шотам: описание каждого шота — его промпт")
class BatchApi {

    private final BatchService batches;

    BatchApi(BatchService batches) {
        this.batches = batches;
    }

    @PostMapping("/projects/{projectId}/batches")
    @Operation(
            summary = "Запустить пакет по шотам или посчитать его цену (dryRun)",
            description = "Шоты без описания пропускаются и перечислены в skipped. Всё или ничего: при ошибке"
                    + " в одном шоте не создаётся ни одной генерации. dryRun ничего не записывает.",
            responses = {
                @ApiResponse(responseCode = "202", description = "Пакет запущен"),
                @ApiResponse(responseCode = "200", description = "dryRun: цена и число дублей"),
                @ApiResponse(responseCode = "400", description = "Неверный запрос: шоты, модель, число вариантов"),
                @ApiResponse(responseCode = "404", description = "Нет такого проекта или шота у вас")
            })
    ResponseEntity<BatchPlan> start(CurrentUser me, @PathVariable UUID projectId, @RequestBody BatchRequest body) {
        BatchPlan plan = batches.start(me.id(), projectId, body);
        return ResponseEntity.status(plan.dryRun() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(plan);
    }

    @GetMapping("/batches/{batchId}")
    @Operation(
            summary = "Пакет: ход работы и его генерации",
            responses = {@ApiResponse(responseCode = "404", description = "Нет такого пакета у вас")})
    Batch get(CurrentUser me, @PathVariable UUID batchId) {
        return batches.get(me.id(), batchId);
    }

    @PostMapping("/batches/{batchId}/cancel")
    @Operation(
            summary = "Отменить незавершённые генерации пакета",
            description = "Готовые дубли остаются; ожидающие генерации отменяются сразу, идущие — на следующем шаге.",
            responses = {@ApiResponse(responseCode = "404", description = "Нет такого пакета у вас")})
    Batch cancel(CurrentUser me, @PathVariable UUID batchId) {
        return batches.cancel(me.id(), batchId);
    }
}
