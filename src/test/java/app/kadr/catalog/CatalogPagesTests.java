package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** The admin's catalog pages: providers and models edited in the browser, with the API's checks in Russian. */
@KadrTest
@Import(CatalogFixtures.class)
class CatalogPagesTests {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    Studio studio;

    @Autowired
    CatalogFixtures fixtures;

    Studio.Person admin;

    @BeforeEach
    void anAdmin() {
        admin = fixtures.newAdmin();
    }

    private Document page(Studio.Person who, String path) {
        Api.Response response = who.api().get(path, HTML);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return Jsoup.parse(response.text());
    }

    private static Map<String, String> newModel(String providerId, String externalId, String name) {
        Map<String, String> form = new HashMap<>();
        form.put("providerId", providerId);
        form.put("externalId", externalId);
        form.put("name", name);
        form.put("vendor", "Тестовый разработчик");
        form.put("task", "text_to_image");
        form.put("quality", "high");
        form.put("description", "Модель, добавленная на странице каталога.");
        form.put("paramSchema", """
                {"type": "object", "properties": {
                  "steps": {"type": "integer", "title": "Шаги", "minimum": 1, "maximum": 50, "default": 20}}}""");
        form.put("defaults", "{\"steps\": 30}");
        form.put("presets", "{\"Быстро\": {\"steps\": 8}}");
        form.put("fieldMapping", "{\"prompt\": \"prompt\", \"steps\": \"num_inference_steps\"}");
        form.put("priceUnit", "image");
        form.put("priceUsd", "0,02");
        form.put("workflow", "");
        form.put("enabled", "true");
        return form;
    }

    private String modelId(String externalId) {
        for (JsonNode model : admin.api().get("/api/v1/models?all=true").json().path("items")) {
            if (model.path("externalId").asString().equals(externalId)) {
                return model.path("id").asString();
            }
        }
        throw new AssertionError("No model " + externalId);
    }

    private static String errorUnder(Element form, String field) {
        Element input = form.selectFirst("[name=" + field + "]");
        assertThat(input).as(field + " in " + form.html()).isNotNull();
        assertThat(input.hasClass("invalid")).as(field + " marked invalid").isTrue();
        Element error = input.parent().selectFirst(".field-error");
        assertThat(error).as("error next to " + field).isNotNull();
        return error.text();
    }

    @Test
    void anAdminSeesProvidersAndModelsAndOnlyAdminsHaveTheLink() {
        Document page = page(admin, "/admin/catalog");

        assertThat(page.select(".providers-table tr.provider-row .kind").eachText())
                .contains("fal", "runware", "stability", "openai", "comfyui", "local");
        Element fal = page.selectFirst("#provider-fal");
        assertThat(fal.selectFirst("input[name=baseUrl]").val()).isEqualTo("https://queue.fal.run");
        assertThat(fal.selectFirst("input[name=maxConcurrency]").val()).isEqualTo("4");
        assertThat(fal.selectFirst("input[name=apiKey]").attr("type")).isEqualTo("password");
        assertThat(fal.selectFirst("input[name=apiKey]").attr("placeholder")).isEqualTo("оставить как есть");
        assertThat(page.selectFirst("#provider-local input[name=apiKey]")).isNull();
        assertThat(page.select(".models-table tr.model-row a").eachText())
                .contains("FLUX.1 [dev]", "Черновик (без ИИ)");
        assertThat(page.select("form[method=post] input[name=_csrf]")).isNotEmpty();
        assertThat(page.select(".topnav a[href='/admin/catalog']").eachText()).containsExactly("Каталог моделей");

        Document search = page(admin, "/admin/catalog/models?q=flux&provider=fal");
        assertThat(search.select("tr.model-row a").eachText())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).containsIgnoringCase("flux"));
        Document video = page(admin, "/admin/catalog/models?task=image_to_video&provider=local");
        assertThat(video.select("tr.model-row a").eachText()).contains("Панорама и наезд (без ИИ)");

        Studio.Person person = studio.newPerson();
        assertThat(page(person, "/account").select(".topnav a[href='/admin/catalog']"))
                .isEmpty();
    }

    @Test
    void forAnyoneButAnAdminThePagesDoNotExist() {
        Studio.Person person = studio.newPerson();
        String model = modelId("local/draft");
        String provider = fixtures.providerId("fal");

        for (String path : List.of(
                "/admin/catalog",
                "/admin/catalog/models?q=flux",
                "/admin/catalog/models/new",
                "/admin/catalog/models/" + model)) {
            assertThat(person.api().get(path, HTML).status()).as(path).isEqualTo(404);
        }
        Api.Response provided = person.api()
                .form("/admin/catalog/providers/" + provider, Map.of("apiKey", "stolen", "enabled", "true"));
        Api.Response added =
                person.api().form("/admin/catalog/models", newModel(provider, "fal-ai/sneaky", "Чужая модель"));
        Api.Response switched =
                person.api().form("/admin/catalog/models/" + model + "/enabled", Map.of("enabled", "false"));

        assertThat(List.of(provided.status(), added.status(), switched.status()))
                .containsOnly(404);
        assertThat(fixtures.storedKey(provider)).isNull();
        assertThat(page(admin, "/admin/catalog").text()).doesNotContain("Чужая модель");
    }

    @Test
    void aKeyIsSetReplacedAndClearedButNeverShownBack() {
        String runware = fixtures.providerId("runware");
        String secret = "rw-secret-" + UUID.randomUUID();
        try {
            Api.Response saved = admin.api()
                    .form(
                            "/admin/catalog/providers/" + runware,
                            Map.of(
                                    "baseUrl", "https://api.runware.ai/v1",
                                    "apiKey", secret,
                                    "maxConcurrency", "3",
                                    "enabled", "true"));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(302);

            Document page = page(admin, "/admin/catalog");
            Element row = page.selectFirst("#provider-runware");
            assertThat(row.selectFirst(".key-state").text()).isEqualTo("Ключ задан");
            assertThat(row.selectFirst("input[name=apiKey]").val()).isEmpty();
            assertThat(row.selectFirst("input[name=maxConcurrency]").val()).isEqualTo("3");
            assertThat(row.selectFirst("input[name=clearKey]")).isNotNull();
            assertThat(page.html()).doesNotContain(secret);
            assertThat(page(admin, "/admin/catalog/models/" + modelId("runware:101@1"))
                            .html())
                    .doesNotContain(secret);
            String sealed = fixtures.storedKey(runware);
            assertThat(sealed).isNotNull().doesNotContain(secret);

            // A blank key field leaves the key as it is.
            admin.api()
                    .form(
                            "/admin/catalog/providers/" + runware,
                            Map.of(
                                    "baseUrl",
                                    "https://api.runware.ai/v1",
                                    "apiKey",
                                    "",
                                    "maxConcurrency",
                                    "4",
                                    "enabled",
                                    "true"));
            assertThat(fixtures.storedKey(runware)).isEqualTo(sealed);

            admin.api()
                    .form(
                            "/admin/catalog/providers/" + runware,
                            Map.of(
                                    "baseUrl",
                                    "https://api.runware.ai/v1",
                                    "clearKey",
                                    "true",
                                    "maxConcurrency",
                                    "4",
                                    "enabled",
                                    "true"));
            assertThat(fixtures.storedKey(runware)).isNull();
            assertThat(page(admin, "/admin/catalog")
                            .selectFirst("#provider-runware .key-state")
                            .text())
                    .isEqualTo("Ключа нет");
        } finally {
            admin.api().patch("/api/v1/providers/" + runware, Map.of("apiKey", "", "maxConcurrency", 4));
        }
    }

    @Test
    void aWrongProviderFieldIsExplainedInItsRow() {
        String fal = fixtures.providerId("fal");

        Api.Response refused = admin.api()
                .form(
                        "/admin/catalog/providers/" + fal,
                        Map.of("baseUrl", "ftp://queue.fal.run", "maxConcurrency", "4", "enabled", "true"));

        assertThat(refused.status()).isEqualTo(422);
        Document page = Jsoup.parse(refused.text());
        assertThat(errorUnder(page.selectFirst("#provider-fal td:has(input[name=baseUrl])"), "baseUrl"))
                .startsWith("Адрес провайдера должен начинаться с http:// или https://");
        Api.Response tooMany =
                admin.api().form("/admin/catalog/providers/" + fal, Map.of("maxConcurrency", "500", "enabled", "true"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(Jsoup.parse(tooMany.text())
                        .selectFirst("#provider-fal .field-error")
                        .text())
                .isEqualTo("Число одновременных задач должно быть от 1 до 64.");
        assertThat(page(admin, "/admin/catalog")
                        .selectFirst("#provider-fal input[name=baseUrl]")
                        .val())
                .isEqualTo("https://queue.fal.run");
    }

    @Test
    void anAdminAddsEditsAndSwitchesOffAModel() {
        String externalId = "fal-ai/page-test-" + UUID.randomUUID();
        String name = "Модель со страницы " + UUID.randomUUID().toString().substring(0, 6);

        Api.Response added =
                admin.api().form("/admin/catalog/models", newModel(fixtures.providerId("fal"), externalId, name));
        assertThat(added.status()).as(added.toString()).isEqualTo(302);

        JsonNode stored =
                admin.api().get("/api/v1/models/" + modelId(externalId)).json();
        assertThat(stored.path("name").asString()).isEqualTo(name);
        assertThat(stored.path("defaults").path("steps").asInt()).isEqualTo(30);
        assertThat(stored.path("presets").path("Быстро").path("steps").asInt()).isEqualTo(8);
        assertThat(stored.path("fieldMapping").path("steps").asString()).isEqualTo("num_inference_steps");
        assertThat(stored.path("price").path("usd").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(stored.path("paramSchema")
                        .path("properties")
                        .path("steps")
                        .path("title")
                        .asString())
                .isEqualTo("Шаги");

        String id = stored.path("id").asString();
        Document form = page(admin, "/admin/catalog/models/" + id);
        assertThat(form.selectFirst("input[name=name]").val()).isEqualTo(name);
        assertThat(form.selectFirst("select[name=providerId]").hasAttr("disabled"))
                .isTrue();
        assertThat(form.selectFirst("select[name=quality] option[selected]").val())
                .isEqualTo("high");
        assertThat(form.selectFirst("textarea[name=presets]").text()).contains("Быстро");
        assertThat(form.select("input[name=_csrf]")).isNotEmpty();

        Map<String, String> edited = newModel("", externalId, name + " (новая)");
        edited.put("priceUnit", "run");
        edited.put("priceUsd", "0.5");
        edited.put("typicalSeconds", "12");
        Api.Response saved = admin.api().form("/admin/catalog/models/" + id, edited);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        JsonNode changed = admin.api().get("/api/v1/models/" + id).json();
        assertThat(changed.path("name").asString()).isEqualTo(name + " (новая)");
        assertThat(changed.path("price").path("unit").asString()).isEqualTo("run");
        assertThat(changed.path("typicalSeconds").asInt()).isEqualTo(12);
        assertThat(page(admin, "/admin/catalog/models/" + id)
                        .selectFirst("input[name=typicalSeconds]")
                        .val())
                .isEqualTo("12");

        Api.Response off = admin.api()
                .request(
                        org.springframework.http.HttpMethod.POST,
                        "/admin/catalog/models/" + id + "/enabled?enabled=false",
                        null);
        assertThat(off.status()).as(off.toString()).isIn(200, 302);
        assertThat(admin.api()
                        .get("/api/v1/models/" + id)
                        .json()
                        .path("enabled")
                        .asBoolean())
                .isFalse();
        Element row = page(admin, "/admin/catalog?q=" + name.substring(0, 10)).selectFirst("#model-" + id);
        assertThat(row.hasClass("off")).isTrue();
        assertThat(row.selectFirst(".model-state").text()).isEqualTo("выключена");
        assertThat(row.selectFirst("button").text()).isEqualTo("Включить");
        Studio.Person person = studio.newPerson();
        assertThat(person.api().get("/api/v1/models/" + id).status()).isEqualTo(404);
    }

    @Test
    void wrongFieldsAreExplainedInRussianNextToThemAndNothingIsSaved() {
        String fal = fixtures.providerId("fal");
        String externalId = "fal-ai/wrong-" + UUID.randomUUID();

        Map<String, String> badPrice = newModel(fal, externalId, "Неверная цена");
        badPrice.put("priceUsd", "дорого");
        Map<String, String> notJson = newModel(fal, externalId, "Не JSON");
        notJson.put("paramSchema", "{\"type\": \"object\", ");
        Map<String, String> badDefault = newModel(fal, externalId, "Неверное значение");
        badDefault.put("defaults", "{\"steps\": 500}");
        Map<String, String> badMapping = newModel(fal, externalId, "Неверное сопоставление");
        badMapping.put("fieldMapping", "{\"colour\": \"color\"}");
        Map<String, String> badTime = newModel(fal, externalId, "Неверное время");
        badTime.put("typicalSeconds", "долго");
        Map<String, String> zeroTime = newModel(fal, externalId, "Нулевое время");
        zeroTime.put("typicalSeconds", "0");
        Map<String, String> noName = newModel(fal, externalId, " ");
        Map<String, String> noProvider = newModel("", externalId, "Без провайдера");

        assertThat(errorUnder(refused(badPrice), "priceUsd")).startsWith("Цена в долларах должна быть числом");
        assertThat(errorUnder(refused(notJson), "paramSchema")).startsWith("Здесь должен быть корректный JSON");
        assertThat(errorUnder(refused(badDefault), "defaults")).isEqualTo("Параметр «Шаги» должен быть от 1 до 50.");
        assertThat(errorUnder(refused(badMapping), "fieldMapping")).startsWith("Сопоставление полей называет «colour»");
        assertThat(errorUnder(refused(badTime), "typicalSeconds")).startsWith("Обычное время генерации укажите");
        assertThat(errorUnder(refused(zeroTime), "typicalSeconds")).startsWith("Обычное время генерации укажите");
        assertThat(errorUnder(refused(noName), "name")).isEqualTo("Введите название модели.");
        assertThat(errorUnder(refused(noProvider), "providerId")).startsWith("Укажите провайдера модели");

        Document kept = refused(badPrice);
        assertThat(kept.selectFirst("input[name=externalId]").val()).isEqualTo(externalId);
        assertThat(kept.selectFirst(".alert").text()).isEqualTo("Модель не сохранена: исправьте отмеченное поле.");
        assertThat(admin.api().get("/api/v1/models?all=true&q=Неверн").json().path("items"))
                .isEmpty();
    }

    private Document refused(Map<String, String> form) {
        Api.Response response = admin.api().form("/admin/catalog/models", form);
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return Jsoup.parse(response.text());
    }

    @Test
    void aComfyUiWorkflowIsCheckedOnSaveAndKeptAsWritten() {
        String comfy = fixtures.providerId("comfyui");
        String externalId = "comfyui/page-" + UUID.randomUUID();
        Map<String, String> form = newModel(comfy, externalId, "Свой граф");
        form.put("fieldMapping", "{\"prompt\": \"text\", \"negativePrompt\": \"negative\", \"steps\": \"steps\"}");

        Map<String, String> unknown = new HashMap<>(form);
        unknown.put("workflow", """
                {"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "$prompt", "clip": ["4", 1]}},
                 "3": {"class_type": "KSampler", "inputs": {"seed": "$seed", "cfg": "$cfg", "denoise": "$strength?"}}}""");
        Map<String, String> notApiFormat = new HashMap<>(form);
        notApiFormat.put("workflow", "{\"nodes\": [], \"links\": []}");
        Map<String, String> broken = new HashMap<>(form);
        broken.put("workflow", "{\"3\": {");

        assertThat(errorUnder(refused(unknown), "workflow"))
                .startsWith("В графе ComfyUI неизвестные подстановки: $cfg, $prompt, $strength. Модель даёт: ")
                .contains("$text", "$negative", "$seed", "$steps", "$image");
        assertThat(errorUnder(refused(notApiFormat), "workflow"))
                .startsWith("Узел «nodes» графа ComfyUI должен быть объектом с полями class_type");
        assertThat(errorUnder(refused(broken), "workflow")).startsWith("Граф ComfyUI — некорректный JSON");
        Map<String, String> onFal = newModel(fixtures.providerId("fal"), "fal-ai/" + UUID.randomUUID(), "Граф у fal");
        onFal.put("workflow", unknown.get("workflow"));
        assertThat(errorUnder(refused(onFal), "workflow"))
                .isEqualTo("Граф ComfyUI можно задать только модели провайдера ComfyUI.");

        String workflow = """
                {
                  "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "$text", "clip": ["4", 1]}},
                  "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "$negative?", "clip": ["4", 1]}},
                  "3": {"class_type": "KSampler", "inputs": {"seed": "$seed", "steps": "$steps"}}
                }""";
        form.put("workflow", workflow);
        Api.Response saved = admin.api().form("/admin/catalog/models", form);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        String id = modelId(externalId);
        assertThat(page(admin, "/admin/catalog/models/" + id)
                        .selectFirst("textarea[name=workflow]")
                        .wholeText())
                .isEqualTo(workflow.strip());
        assertThat(admin.api()
                        .get("/api/v1/models/" + id)
                        .json()
                        .path("workflow")
                        .path("7")
                        .path("inputs")
                        .path("text")
                        .asString())
                .isEqualTo("$negative?");

        // The API takes the graph as JSON too, and refuses the same way.
        Api.Response patched = admin.api()
                .patch(
                        "/api/v1/models/" + id,
                        Map.of(
                                "workflow",
                                Map.of("9", Map.of("class_type", "SaveImage", "inputs", Map.of("x", "$nope")))));
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.json().path("detail").asString())
                .startsWith("В графе ComfyUI неизвестные подстановки: $nope.");
        // Changing the mapping re-checks the stored graph against it.
        Api.Response remapped = admin.api()
                .patch("/api/v1/models/" + id, Map.of("fieldMapping", Map.of("prompt", "prompt", "steps", "steps")));
        assertThat(remapped.json().path("detail").asString()).contains("$negative", "$text");
        Api.Response cleared = admin.api().patch("/api/v1/models/" + id, Map.of("workflow", ""));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().path("workflow").isNull()
                        || cleared.json().path("workflow").isMissingNode())
                .isTrue();
    }

    @Test
    void theSeededComfyUiModelComesWithAnSdxlGraph() {
        JsonNode model = admin.api()
                .get("/api/v1/models/" + modelId("comfyui/sdxl-txt2img"))
                .json();

        JsonNode workflow = model.path("workflow");
        assertThat(workflow.path("4").path("class_type").asString()).isEqualTo("CheckpointLoaderSimple");
        assertThat(workflow.path("3").path("inputs").path("seed").asString()).isEqualTo("$seed");
        assertThat(workflow.path("5").path("inputs").path("width").asString()).isEqualTo("$width");
        assertThat(workflow.path("7").path("inputs").path("text").asString()).isEqualTo("$negative_prompt?");
    }

    @Test
    void thePickerGreysOutModelsThatCannotRunNowAndStartsOnTheOfflineEngine() {
        String stability = fixtures.providerId("stability");
        Studio.Person person = studio.newPerson();
        String shot = studio.newShot(person, studio.newProject(person, "Выбор модели"), "Шот");
        admin.api().patch("/api/v1/providers/" + stability, Map.of("enabled", false));
        try {
            Document form = page(person, "/shots/" + shot + "/generate");

            var unready = form.select("#model-picker .picker-model.unready");
            assertThat(unready.stream()
                            .map(m -> m.selectFirst(".pm-name").text() + " · "
                                    + m.selectFirst(".pm-why span").text())
                            .toList())
                    .as(form.html())
                    .contains("FLUX.1 [dev] · нет ключа API", "Stable Image Ultra · провайдер выключен");
            assertThat(unready.select("[data-pick]:not([disabled])")).isEmpty();
            // Not an admin: told whom to ask, not given a link to a page they cannot open.
            assertThat(unready.select(".pm-why a")).isEmpty();
            assertThat(unready.first().selectFirst(".pm-why").text()).contains("попросите администратора");
            assertThat(form.select("#model-picker .picker-model:not(.unready) .pm-name")
                            .eachText())
                    .noneSatisfy(text -> assertThat(text).startsWith("FLUX.1 [dev]"));
            // No provider has a key here, so the picker starts on the offline engine («без ИИ»).
            List<String> local = person.api()
                    .get("/api/v1/models?provider=local")
                    .json()
                    .path("items")
                    .valueStream()
                    .map(m -> m.path("id").asString())
                    .toList();
            assertThat(local).contains(form.selectFirst("input[name=modelId]").val());
        } finally {
            admin.api().patch("/api/v1/providers/" + stability, Map.of("enabled", true));
        }
    }
}
