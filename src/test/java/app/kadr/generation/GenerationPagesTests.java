package app.kadr.generation;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The generation UI: the box's panel and its fragments, the animate dialog and the project's history. */
@KadrTest
class GenerationPagesTests {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    Studio studio;

    @Autowired
    org.thymeleaf.spring6.SpringTemplateEngine templates;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Studio.Person person;
    String project;
    String shot;

    @BeforeEach
    void aShot() {
        person = studio.newPerson();
        project = studio.newProject(person, "Генерации на страницах");
        shot = studio.newShot(person, project, "Поле");
    }

    private Document page(String path) {
        Api.Response response = person.api().get(path, HTML);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return Jsoup.parse(response.text());
    }

    private JsonNode generateAndWait() {
        Api.Response started = person.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of(
                                "modelId",
                                studio.localModel(person, "local/draft"),
                                "prompt",
                                "пшеничное поле в грозу",
                                "params",
                                Map.of("seed", 77, "size", "1024x1024")));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get(0).path("id").asString();
        JsonNode generation = studio.awaitGeneration(person, id);
        assertThat(generation.path("status").asString())
                .as(generation.toString())
                .isEqualTo("done");
        return generation;
    }

    @Test
    void thePanelFragmentRendersWithWhatTheBoxPageHas() {
        var servlet = new org.springframework.mock.web.MockServletContext();
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(
                        new org.springframework.mock.web.MockHttpServletRequest(servlet, "GET", "/shots/" + shot),
                        new org.springframework.mock.web.MockHttpServletResponse());
        var context = new org.thymeleaf.context.WebContext(
                exchange,
                java.util.Locale.forLanguageTag("ru"),
                Map.of("shot", Map.of("id", shot), "project", Map.of("id", project)));

        Document panel =
                Jsoup.parse(templates.process("generation/panel", java.util.Set.of("panel", "list-loader"), context));

        Element section = panel.selectFirst("#generate-panel");
        assertThat(section).as(panel.html()).isNotNull();
        assertThat(section.attr("data-shot-id")).isEqualTo(shot);
        assertThat(section.attr("data-list-url")).isEqualTo("/shots/" + shot + "/generations/list");
        assertThat(section.attr("data-started")).isEqualTo("Генерация запущена.");
        assertThat(section.selectFirst("#generate-form").attr("hx-get")).isEqualTo("/shots/" + shot + "/generate");
        assertThat(panel.selectFirst("#generations").attr("hx-get")).isEqualTo("/shots/" + shot + "/generations/list");
        assertThat(section.selectFirst("dialog#animate-dialog")).isNotNull();
    }

    @Test
    void theBarStartsFromTheShotsDescriptionAndItsPickerGroupsTheModelsByVendor() {
        person.api().patch("/api/v1/shots/" + shot, Map.of("description", "Пшеничное поле перед грозой"));
        Document form = page("/shots/" + shot + "/generate");

        assertThat(form.selectFirst("textarea[name=prompt]").text()).isEqualTo("Пшеничное поле перед грозой");
        Element vendor = form.select("#model-picker [data-picker-group]").stream()
                .filter(group -> group.selectFirst("h3").text().equals("Кадр"))
                .findFirst()
                .orElseThrow();
        assertThat(vendor.select(".pm-name").eachText())
                .anySatisfy(text -> assertThat(text).startsWith("Черновик (без ИИ)"));
        assertThat(vendor.selectFirst(".picker-model .pm-price").text()).isEqualTo("Бесплатно");
        // Only models that start from a prompt: animating and upscaling are not offered here.
        assertThat(form.select("#model-picker .pm-name").eachText())
                .noneSatisfy(text -> assertThat(text).startsWith("Панорама и наезд"))
                .noneSatisfy(text -> assertThat(text).startsWith("Увеличение"));
        assertThat(form.select("select[data-picker-task] option").eachText())
                .contains("Текст → изображение", "Текст → видео");
        String chosen = form.selectFirst("input[name=modelId]").val();
        assertThat(form.selectFirst("#model-picker .picker-model[data-model-id=" + chosen + "]"))
                .isNotNull();
        assertThat(form.selectFirst("[data-model-name]").text())
                .isEqualTo(form.selectFirst("#model-picker .picker-model[data-model-id=" + chosen + "]")
                        .attr("data-name"));
        assertThat(form.selectFirst("input[name=count]").attr("max")).isEqualTo("10");
        assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Сгенерировать");
    }

    @Test
    void inTheBarTheKeyParametersSitInlineAndTheRestUnderMore() {
        Document params = page(
                "/shots/" + shot + "/generate/params?bar=true&modelId=" + studio.localModel(person, "local/draft"));

        assertThat(params.select(".key-params [data-param]").eachAttr("data-param"))
                .containsExactly("size");
        Element more = params.selectFirst("details.more-params");
        assertThat(more.selectFirst("summary").text()).isEqualTo("Ещё");
        assertThat(more.select("[data-param]").eachAttr("data-param"))
                .contains("seed")
                .doesNotContain("size");
        assertThat(more.selectFirst(".model-info").attr("data-price-usd")).isEqualTo("0");
    }

    @Test
    void theParamsOfTheDraftModelComeFromItsSchema() {
        Document params =
                page("/shots/" + shot + "/generate/params?modelId=" + studio.localModel(person, "local/draft"));

        Element size = params.selectFirst("select[data-param=size]");
        assertThat(size).as(params.html()).isNotNull();
        assertThat(size.parent().selectFirst("span").text()).isEqualTo("Размер");
        assertThat(size.select("option").eachAttr("value"))
                .containsExactly("1280x720", "1920x1080", "1080x1920", "1024x1024");
        assertThat(size.selectFirst("option[selected]").attr("value")).isEqualTo("1280x720");
        Element seed = params.selectFirst("input[data-param=seed]");
        assertThat(seed).isNotNull();
        assertThat(seed.attr("type")).isEqualTo("number");
        assertThat(seed.attr("data-type")).isEqualTo("integer");
        assertThat(seed.attr("value")).isEmpty();
        assertThat(seed.parent().selectFirst("span").text()).isEqualTo("Зерно");
        assertThat(params.selectFirst("textarea[name=negativePrompt]")).isNull();
        assertThat(params.text()).contains("Бесплатно");
    }

    @Test
    void theAnimateDialogOffersImageToVideoModelsWithTheirDuration() {
        String image = generateAndWait().path("assetIds").get(0).asString();
        studio.awaitProcessed(person, image);

        Document dialog = page("/assets/" + image + "/animate");
        // The same picker as the bar's, of image-to-video models only, with the offline one chosen to start with.
        assertThat(dialog.select("#animate-picker .picker-model .pm-name").eachText())
                .contains("Панорама и наезд (без ИИ)")
                .noneSatisfy(text -> assertThat(text).startsWith("Черновик"));
        assertThat(dialog.select("#animate-picker .picker-model").eachAttr("data-task"))
                .containsOnly("image_to_video");
        assertThat(dialog.select("#animate-picker [data-picker-task] option[value]")
                        .eachAttr("value"))
                .containsExactly("", "image_to_video");
        assertThat(dialog.selectFirst("input[name=modelId]").val())
                .isEqualTo(studio.localModel(person, "local/pan-zoom"));
        Document params =
                page("/shots/" + shot + "/generate/params?modelId=" + studio.localModel(person, "local/pan-zoom"));
        Element duration = params.selectFirst("input[data-param=duration]");
        assertThat(duration).isNotNull();
        assertThat(duration.attr("min")).isEqualTo("1");
        assertThat(duration.attr("max")).isEqualTo("10");
        assertThat(duration.attr("value")).isEqualTo("5");
    }

    @Test
    void aFinishedGenerationShowsAsDoneInTheListAndTheHistory() {
        generateAndWait();

        Document list = page("/shots/" + shot + "/generations/list");
        Element card = list.selectFirst("li.gen");
        assertThat(card).as(list.html()).isNotNull();
        assertThat(card.selectFirst(".gen-status").text()).isEqualTo("Готово");
        assertThat(card.text()).contains("Черновик (без ИИ)", "пшеничное поле в грозу", "Зерно 77");
        assertThat(card.select("[data-gen-cancel], [data-gen-retry]")).isEmpty();

        Document history = page("/projects/" + project + "/generations");
        assertThat(history.select(".history-table tbody tr")).hasSize(1);
        assertThat(history.selectFirst(".history-table .gen-status").text()).isEqualTo("Готово");
        assertThat(history.selectFirst(".history-table a").attr("href")).isEqualTo("/shots/" + shot);
        assertThat(history.text()).contains("Потрачено в проекте: $0");

        Document failed = page("/projects/" + project + "/generations?status=failed");
        assertThat(failed.select(".history-table tbody tr")).isEmpty();
        assertThat(failed.selectFirst(".empty").text()).isEqualTo("Генераций с таким статусом нет.");
        assertThat(failed.selectFirst(".filters a.active").text()).isEqualTo("Ошибка");

        Document rows = page("/projects/" + project + "/generations/list?status=done");
        assertThat(rows.select(".history-table tbody tr")).hasSize(1);
    }

    @Test
    void aSubmitInDoubtSaysWhatHappenedAndOffersToRetryInOneClickInTheBoxAndTheHistory() {
        String id = generateAndWait().path("id").asString();
        // Where a generation ends after a submit that may have reached a paying provider (fal, OpenAI, Stability).
        jdbc.sql("update generations set status = 'FAILED', error_code = 'submit_no_answer' where id = ?")
                .param(java.util.UUID.fromString(id))
                .update();
        String reason = "Провайдер не ответил на отправку задачи. Задача могла до него дойти, и он мог списать за неё"
                + " оплату. Кадр не отправил её повторно, чтобы вы не заплатили дважды: проверьте кабинет провайдера,"
                + " и если результата там нет, нажмите «Повторить».";

        Element card = page("/shots/" + shot + "/generations/list").selectFirst("li.gen");
        assertThat(card.attr("data-generation-id")).isEqualTo(id);
        assertThat(card.selectFirst(".gen-error").text()).isEqualTo(reason);
        assertThat(card.selectFirst("[data-gen-retry]").text()).isEqualTo("Повторить");

        Element row = page("/projects/" + project + "/generations").selectFirst(".history-table tbody tr");
        assertThat(row.attr("data-generation-id")).isEqualTo(id);
        assertThat(row.selectFirst(".gen-error").text()).isEqualTo(reason);
        assertThat(row.selectFirst("[data-gen-retry]").text()).isEqualTo("Повторить");
    }

    @Test
    void anotherPersonFindsNoneOfThesePages() {
        String image = generateAndWait().path("assetIds").get(0).asString();
        studio.awaitProcessed(person, image);
        Api stranger = studio.newPerson().api();

        for (String path : List.of(
                "/shots/" + shot + "/generate",
                "/shots/" + shot + "/generate/params?modelId=" + studio.localModel(person, "local/draft"),
                "/shots/" + shot + "/generations/list",
                "/assets/" + image + "/animate",
                "/projects/" + project + "/generations",
                "/projects/" + project + "/generations?status=failed",
                "/projects/" + project + "/generations/list",
                "/projects/" + project + "/studio",
                "/projects/" + project + "/studio?shotId=" + shot,
                "/projects/" + project + "/studio/takes",
                "/projects/" + project + "/studio/generations")) {
            assertThat(stranger.get(path, HTML).status()).as(path).isEqualTo(404);
        }
    }
}
