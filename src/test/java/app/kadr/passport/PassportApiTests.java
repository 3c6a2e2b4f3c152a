package app.kadr.passport;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The technical passport: one row per take, in storyboard order, as CSV for Excel, XLSX and JSON. */
@KadrTest
class PassportApiTests {

    private static final String COLUMNS = "№ шота;Шот;ID ассета;Файл;Тип;Происхождение;Хедлайнер;Провайдер;"
            + "Разработчик модели;Модель;ID модели у провайдера;Промпт;Элементы;LoRA;Негативный промпт;Сид;Параметры;"
            + "Исходные ассеты;Родительский ассет;Запрос на правку;Дата (UTC);Стоимость, $;Ссылка на файл";

    @Autowired
    Studio studio;

    @Autowired
    JdbcTemplate jdbc;

    Studio.Person person;
    String project;
    String prologue;
    String finale;

    @BeforeEach
    void aProjectOfTwoShots() {
        person = studio.newPerson();
        project = studio.newProject(person, "Лесная сказка");
        prologue = studio.newShot(person, project, "Пролог");
        finale = studio.newShot(person, project, "Финал");
    }

    @Test
    void rowsFollowTheShotOrderThenTheOrderTakesArrived() {
        String lateShotTake = upload(finale, "финал.jpg");
        String first = upload(prologue, "первый.jpg");
        String second = upload(prologue, "второй.png");
        Api.Response chosen = person.api().patch("/api/v1/shots/" + prologue, Map.of("headlinerAssetId", second));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);

        JsonNode passport = json();

        assertThat(passport.path("project").path("name").asString()).isEqualTo("Лесная сказка");
        assertThat(column(passport, "assetId")).containsExactly(first, second, lateShotTake);
        assertThat(column(passport, "shotNumber")).containsExactly("1", "1", "2");
        assertThat(column(passport, "shotTitle")).containsExactly("Пролог", "Пролог", "Финал");
        assertThat(column(passport, "fileName")).containsExactly("первый.jpg", "второй.png", "финал.jpg");
        assertThat(column(passport, "origin")).containsOnly("upload");
        JsonNode upload = passport.path("rows").get(0);
        assertThat(upload.path("kind").asString()).isEqualTo("image");
        assertThat(column(passport, "headliner")).containsExactly("false", "true", "false");
        assertThat(upload.path("generationId").isNull()).isTrue();
        assertThat(upload.path("fileUrl").asString()).startsWith("/api/v1/assets/" + first + "/content/original");
    }

    @Test
    void aGeneratedTakeAndItsAnimationCarryModelPromptSeedParametersAndSource() {
        String still = generate(Map.of(
                "modelId", studio.localModel(person, "local/draft"),
                "prompt", "туманный лес на рассвете",
                "params", Map.of("seed", 4242, "size", "1280x720")));
        String video = studio.animate(person, still, 2).path("assetIds").get(0).asString();

        JsonNode rows = json().path("rows");

        assertThat(rows).hasSize(2);
        JsonNode drawn = rows.get(0);
        assertThat(drawn.path("assetId").asString()).isEqualTo(still);
        assertThat(drawn.path("origin").asString()).isEqualTo("generated");
        assertThat(drawn.path("provider").asString()).isEqualTo("local");
        assertThat(drawn.path("modelExternalId").asString()).isEqualTo("local/draft");
        assertThat(drawn.path("modelName").asString()).isEqualTo("Черновик (без ИИ)");
        assertThat(drawn.path("modelVendor").asString()).isEqualTo("Кадр");
        assertThat(drawn.path("prompt").asString()).isEqualTo("туманный лес на рассвете");
        assertThat(drawn.path("seed").asLong()).isEqualTo(4242L);
        assertThat(drawn.path("params").path("size").asString()).isEqualTo("1280x720");
        JsonNode moving = rows.get(1);
        assertThat(moving.path("assetId").asString()).isEqualTo(video);
        assertThat(moving.path("kind").asString()).isEqualTo("video");
        assertThat(moving.path("modelExternalId").asString()).isEqualTo("local/pan-zoom");
        assertThat(moving.path("sourceAssetIds").get(0).asString()).isEqualTo(still);

        List<CSVRecord> csv = csv();
        assertThat(csv.get(1).get(11)).isEqualTo("туманный лес на рассвете");
        assertThat(csv.get(1).get(15)).isEqualTo("4242");
        assertThat(csv.get(1).get(16)).contains("\"size\":\"1280x720\"");
        assertThat(csv.get(2).get(17)).isEqualTo(still);
    }

    @Test
    void aBatchedGenerationsCostIsSharedAmongItsTakes() {
        String first = generate(Map.of("modelId", studio.localModel(person, "local/draft"), "prompt", "рассвет"));
        String second = generate(Map.of("modelId", studio.localModel(person, "local/draft"), "prompt", "закат"));
        // The offline engine makes one take per generation and costs nothing: make it a paid batch of two.
        String batch = jdbc.queryForObject(
                "select generation_id from assets where id = ?", String.class, java.util.UUID.fromString(first));
        jdbc.update("update generations set cost = 0.10 where id = ?", java.util.UUID.fromString(batch));
        jdbc.update(
                "update assets set generation_id = ? where id = ?",
                java.util.UUID.fromString(batch),
                java.util.UUID.fromString(second));

        JsonNode rows = json().path("rows");

        for (JsonNode row : rows) {
            assertThat(row.path("cost").decimalValue()).isEqualByComparingTo("0.05");
        }
        assertThat(rows.get(1).path("prompt").asString()).isEqualTo("рассвет");
        assertThat(csv().get(1).get(21)).isEqualTo("0,05");
    }

    @Test
    void csvOpensInRussianExcelAndNeverRunsAFormula() throws IOException {
        String evil = studio.newShot(person, project, "=HYPERLINK(\"http://evil\";\"жми\")");
        upload(evil, "@SUM(A1).jpg");
        upload(prologue, "-обычный.jpg");

        Api.Response response = get("csv");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(response.headers().getFirst("Content-Disposition"))
                .startsWith("attachment; filename=\"Lesnaya-skazka-pasport-20")
                .contains("filename*=UTF-8''%D0%9B%D0%B5%D1%81%D0%BD%D0%B0%D1%8F-%D1%81%D0%BA%D0%B0%D0%B7%D0%BA%D0%B0-")
                .endsWith(".csv");
        byte[] bytes = response.bytes();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(COLUMNS + "\r\n");
        assertThat(text.split("\r\n")).hasSize(3);
        List<CSVRecord> rows = parse(text);
        assertThat(rows.get(1).get(3)).isEqualTo("'-обычный.jpg");
        assertThat(rows.get(2).get(1)).isEqualTo("'=HYPERLINK(\"http://evil\";\"жми\")");
        assertThat(rows.get(2).get(3)).isEqualTo("'@SUM(A1).jpg");
        assertThat(rows.get(2).get(20)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void xlsxHasAFrozenFilterableHeadingLinksToTheFilesAndRealDates() throws IOException {
        String take = upload(prologue, "кадр 1.jpg");

        Api.Response response = get("xlsx");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.headers().getContentType().toString()).isEqualTo(PassportApi.XLSX);
        assertThat(response.headers().getFirst("Content-Disposition")).endsWith(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.bytes()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Паспорт");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:W2");
            Row heading = sheet.getRow(0);
            List<String> headings = new ArrayList<>();
            heading.forEach(cell -> headings.add(cell.getStringCellValue()));
            assertThat(String.join(";", headings)).isEqualTo(COLUMNS);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(take);
            Cell file = row.getCell(3);
            assertThat(file.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(file.getCachedFormulaResultType()).isEqualTo(CellType.STRING);
            assertThat(file.getStringCellValue()).isEqualTo("кадр 1.jpg");
            Matcher link = Pattern.compile("HYPERLINK\\(\"([^\"]+)\",\"кадр 1\\.jpg\"\\)")
                    .matcher(file.getCellFormula());
            assertThat(link.matches()).as(file.getCellFormula()).isTrue();
            String url = link.group(1);
            assertThat(url).startsWith("/api/v1/assets/" + take + "/content/original");
            assertThat(row.getCell(22).getStringCellValue()).isEqualTo(url);
            assertThat(person.api().get(url).status()).isEqualTo(200);
            Cell date = row.getCell(20);
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue()).isNotNull();
        }
    }

    @Test
    void theElementsATakeWasMadeWithAreListedWithTheirVersionsInEveryFormat() throws IOException {
        String anya = element("character", "Аня", "девушка 20 лет, рыжие волосы");
        String mayak = element("location", "Маяк", "старый маяк на скале");
        person.api().patch("/api/v1/elements/" + anya, Map.of("description", "девушка 20 лет, короткая стрижка"));
        String take =
                generate(Map.of("modelId", studio.localModel(person, "local/draft"), "prompt", "@Аня идёт по @Маяк"));
        upload(prologue, "набросок.jpg");

        JsonNode rows = json().path("rows");
        JsonNode used = rows.get(0).path("elements");
        assertThat(rows.get(0).path("assetId").asString()).isEqualTo(take);
        assertThat(used).hasSize(2);
        assertThat(used.get(0).path("id").asString()).isEqualTo(anya);
        assertThat(used.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(used.get(0).path("handle").asString()).isEqualTo("Аня");
        assertThat(used.get(1).path("id").asString()).isEqualTo(mayak);
        assertThat(used.get(1).path("version").asInt()).isEqualTo(1);
        assertThat(rows.get(1).path("elements")).as("an upload used no element").isEmpty();

        List<CSVRecord> csv = csv();
        assertThat(csv.get(0).get(12)).isEqualTo("Элементы");
        assertThat(csv.get(1).get(12))
                .as("a leading @ starts a formula in Excel: guarded like any such text")
                .isEqualTo("'@Аня v2, @Маяк v1");
        assertThat(csv.get(2).get(12)).isEmpty();

        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(get("xlsx").bytes()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(12).getStringCellValue()).isEqualTo("Элементы");
            assertThat(sheet.getRow(1).getCell(12).getStringCellValue()).isEqualTo("@Аня v2, @Маяк v1");
        }

        // The storyboard page's download is the same file.
        String link = Jsoup.parse(person.api()
                        .get("/projects/" + project, Map.of("Accept", "text/html"))
                        .text())
                .select("details.passport a[href$=passport.csv]")
                .attr("href");
        assertThat(person.api().get(link).text()).contains("@Аня v2, @Маяк v1");
    }

    @Test
    void theLorasATakeWentWithAreListedWithTheirWeightsAndOneItsModelCouldNotTakeSaysSo() throws IOException {
        Studio.Person admin = studio.newAdmin();
        String path = "https://loras.example.org/anya-" + UUID.randomUUID() + ".safetensors";
        Api.Response lora = admin.api()
                .post(
                        "/api/v1/loras",
                        Map.of(
                                "provider", "fal",
                                "externalId", path,
                                "name", "Аня LoRA",
                                "triggerWord", "anyaxyz",
                                "defaultWeight", 0.8));
        assertThat(lora.status()).as(lora.toString()).isEqualTo(201);
        Api.Response anya = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of(
                                "kind", "character",
                                "handle", "Аня",
                                "description", "девушка 20 лет",
                                "loraModelId", lora.id(),
                                "loraWeight", 1.25));
        assertThat(anya.status()).as(anya.toString()).isEqualTo(201);
        generate(Map.of("modelId", studio.localModel(person, "local/draft"), "prompt", "@Аня на берегу"));

        JsonNode used = json().path("rows").get(0).path("loras");
        assertThat(used).hasSize(1);
        assertThat(used.get(0).path("name").asString()).isEqualTo("Аня LoRA");
        assertThat(used.get(0).path("externalId").asString()).isEqualTo(path);
        assertThat(used.get(0).path("weight").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(used.get(0).path("sent").asBoolean())
                .as("the offline engine takes no LoRA")
                .isFalse();

        List<CSVRecord> csv = csv();
        assertThat(csv.get(0).get(13)).isEqualTo("LoRA");
        assertThat(csv.get(1).get(13))
                .isEqualTo("Аня LoRA " + path + " ×1.25 (не отправлена: модель не принимает LoRA)");
    }

    @Test
    void someoneElsesProjectIsNotFoundInEveryFormat() {
        Studio.Person stranger = studio.newPerson();
        for (String format : List.of("csv", "xlsx", "json")) {
            Api.Response response = stranger.api().get("/api/v1/projects/" + project + "/passport." + format);
            assertThat(response.status()).as(format + ": " + response).isEqualTo(404);
            assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
            assertThat(studio.api()
                            .get("/api/v1/projects/" + project + "/passport." + format)
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void theStoryboardPageOffersTheThreeDownloads() {
        Api.Response page = person.api().get("/projects/" + project, Map.of("Accept", "text/html"));

        Document html = Jsoup.parse(page.text());
        List<String> links = html.select("details.passport a[download]").eachAttr("href");
        assertThat(links)
                .containsExactly(
                        "/api/v1/projects/" + project + "/passport.xlsx",
                        "/api/v1/projects/" + project + "/passport.csv",
                        "/api/v1/projects/" + project + "/passport.json");
        assertThat(html.select("details.passport summary").text()).isEqualTo("Паспорт");
        for (String link : links) {
            assertThat(person.api().get(link).status()).as(link).isEqualTo(200);
        }
    }

    @Test
    void theApiDescriptionListsTheThreeDownloads() {
        JsonNode paths = person.api().get("/v3/api-docs").json().path("paths");

        for (String format : List.of("csv", "xlsx", "json")) {
            JsonNode download = paths.path("/api/v1/projects/{projectId}/passport." + format)
                    .path("get");
            assertThat(download.path("tags").get(0).asString()).isEqualTo("Паспорт");
            assertThat(download.path("responses").has("404")).isTrue();
        }
    }

    private String upload(String shot, String name) {
        String id = studio.upload(person, shot, new Api.NamedBytes(name, Samples.jpeg(64, 48)))
                .get(0);
        studio.awaitProcessed(person, id);
        return id;
    }

    private String generate(Map<String, Object> request) {
        return studio.generate(person, prologue, request);
    }

    private String element(String kind, String handle, String description) {
        Api.Response created = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", kind, "handle", handle, "description", description));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private Api.Response get(String format) {
        return person.api().get("/api/v1/projects/" + project + "/passport." + format);
    }

    private JsonNode json() {
        Api.Response response = get("json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<CSVRecord> csv() {
        Api.Response response = get("csv");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return parse(new String(response.bytes(), 3, response.bytes().length - 3, StandardCharsets.UTF_8));
    }

    private static List<CSVRecord> parse(String text) {
        try {
            return CSVFormat.Builder.create(CSVFormat.EXCEL)
                    .setDelimiter(';')
                    .get()
                    .parse(new StringReader(text))
                    .getRecords();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> column(JsonNode passport, String field) {
        List<String> values = new ArrayList<>();
        passport.path("rows").forEach(row -> values.add(row.path(field).asString()));
        return values;
    }
}
