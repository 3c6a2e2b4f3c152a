package app.kadr.platform;

import app.kadr.account.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Версии для соцсетей", description = "Кадрирование дубля под форматы площадок вокруг точки фокуса")
class PlatformVersionApi {

    private final PlatformVersionService versions;

    PlatformVersionApi(PlatformVersionService versions) {
        this.versions = versions;
    }

    @PostMapping("/assets/{assetId}/platform-versions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Сделать версии дубля для соцсетей",
            description = "formats: reels (1080×1920), feed (1080×1350), square (1080×1080), youtube (1920×1080),"
                    + " telegram (1280 по длинной стороне, пропорции от 4:5 до 16:9). focus: {x, y} от 0 до 1;"
                    + " без него кадр строится вокруг найденного объекта. Каждая версия станет новым дублем шота.",
            responses = {
                @ApiResponse(responseCode = "202", description = "Задание принято"),
                @ApiResponse(
                        responseCode = "400",
                        description = "Неизвестный формат, фокус вне 0–1, не фото и не видео"),
                @ApiResponse(responseCode = "404", description = "Нет такого дубля у вас"),
                @ApiResponse(responseCode = "409", description = "Дубль ещё обрабатывается или не обработан")
            })
    PlatformVersion request(CurrentUser me, @PathVariable UUID assetId, @RequestBody PlatformVersionRequest body) {
        return versions.request(me.id(), assetId, body);
    }

    @GetMapping("/assets/{assetId}/platform-versions")
    @Operation(
            summary = "Задания на версии дубля и их ход, новые первыми",
            responses = {@ApiResponse(responseCode = "404", description = "Нет такого дубля у вас")})
    List<PlatformVersion> list(CurrentUser me, @PathVariable UUID assetId) {
        return versions.ofTake(me.id(), assetId);
    }
}
