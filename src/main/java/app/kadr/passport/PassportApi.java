package app.kadr.passport;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Messages;
import app.kadr.shared.PublicAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of a project's technical passport. The rows are read and the owner checked before the first byte
 * goes out, so a wrong id still answers 404 problem+json; the file itself is then written straight to the
 * response.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
@Tag(name = "Паспорт", description = "Технический паспорт проекта: по строке на ассет, с моделью, промптом и сидом")
class PassportApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int BUFFER = 64 * 1024;

    private final Passports passports;
    private final PassportCsv csv;
    private final PassportXlsx xlsx;
    private final PassportJson json;
    private final Messages messages;
    private final PublicAddress address;

    PassportApi(
            Passports passports,
            PassportCsv csv,
            PassportXlsx xlsx,
            PassportJson json,
            Messages messages,
            PublicAddress address) {
        this.passports = passports;
        this.csv = csv;
        this.xlsx = xlsx;
        this.json = json;
        this.messages = messages;
        this.address = address;
    }

    @GetMapping("/passport.csv")
    @Operation(
            summary = "Паспорт в CSV для Excel",
            description = "UTF-8 с BOM, разделитель «;», строки через CRLF; порядок: шоты по номеру, ассеты по дате.",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")),
                @ApiResponse(responseCode = "404", description = "Нет такого проекта у вас")
            })
    void csv(CurrentUser me, @PathVariable UUID projectId, HttpServletResponse response) throws IOException {
        PassportDocument document = document(me, projectId);
        try (OutputStream out = start(response, document, "text/csv;charset=UTF-8", "csv")) {
            csv.write(document, out);
        }
    }

    @GetMapping("/passport.xlsx")
    @Operation(
            summary = "Паспорт в Excel (XLSX)",
            description = "Закреплённая строка заголовков, автофильтр, ссылки на файлы, даты ячейками дат.",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = XLSX)),
                @ApiResponse(responseCode = "404", description = "Нет такого проекта у вас")
            })
    void xlsx(CurrentUser me, @PathVariable UUID projectId, HttpServletResponse response) throws IOException {
        PassportDocument document = document(me, projectId);
        try (OutputStream out = start(response, document, XLSX, "xlsx")) {
            xlsx.write(document, out);
        }
    }

    @GetMapping("/passport.json")
    @Operation(
            summary = "Паспорт в JSON",
            description = "{project:{id, name}, exportedAt, rows:[…]} — коды и значения как есть, для скриптов.",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE)),
                @ApiResponse(responseCode = "404", description = "Нет такого проекта у вас")
            })
    void json(CurrentUser me, @PathVariable UUID projectId, HttpServletResponse response) throws IOException {
        PassportDocument document = document(me, projectId);
        try (OutputStream out = start(response, document, MediaType.APPLICATION_JSON_VALUE, "json")) {
            json.write(document, out);
        }
    }

    private PassportDocument document(CurrentUser me, UUID projectId) {
        return passports.of(me.id(), projectId, address.prefix());
    }

    private OutputStream start(HttpServletResponse response, PassportDocument document, String type, String extension)
            throws IOException {
        DownloadName name = DownloadName.of(
                document.projectName(),
                messages.get("passport.file"),
                LocalDate.ofInstant(document.exportedAt(), ZoneOffset.UTC),
                extension);
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, name.contentDisposition());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        // Writers make many small writes; each one through the servlet and security wrappers costs more than a copy.
        return new BufferedOutputStream(response.getOutputStream(), BUFFER);
    }
}
