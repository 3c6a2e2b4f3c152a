package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * LoRAs in the pages: the admin adds one on the catalog page (a wrong id is explained next to the form, nothing
 * saved), and the element form offers the catalog's LoRAs as a quiet select with a weight beside it.
 */
@KadrTest
@Import(CatalogFixtures.class)
class LoraPagesTests {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    Studio studio;

    @Autowired
    CatalogFixtures fixtures;

    @Test
    void anAdminAddsALoraOnTheCatalogPageAndAnElementTakesItInItsForm() {
        Studio.Person admin = fixtures.newAdmin();
        String air = "civitai:58390@" + Math.abs(UUID.randomUUID().hashCode());

        Api.Response wrong = admin.api()
                .form(
                        "/admin/catalog/loras",
                        Map.of("providerId", fixtures.providerId("runware"), "externalId", "not an air"));
        assertThat(wrong.status()).isEqualTo(422);
        Document refused = Jsoup.parse(wrong.text());
        assertThat(refused.selectFirst(".lora-form .field-error").text()).contains("civitai:58390@62833");
        assertThat(refused.selectFirst(".lora-form input[name=externalId]").val())
                .isEqualTo("not an air");

        Api.Response added = admin.api()
                .form(
                        "/admin/catalog/loras",
                        Map.of(
                                "providerId", fixtures.providerId("runware"),
                                "externalId", air,
                                "name", "Аня на Runware",
                                "triggerWord", "anyarw",
                                "defaultWeight", "0,75"));
        assertThat(added.status()).as(added.toString()).isIn(302, 303);
        Document catalog = Jsoup.parse(admin.api().get("/admin/catalog", HTML).text());
        assertThat(catalog.select(".loras-table .lora-row").text()).contains("Аня на Runware", air, "anyarw", "0.75");
        assertThat(catalog.select(".lora-form select[name=providerId] option").eachText())
                .as("only providers that take LoRAs")
                .containsExactlyInAnyOrder("fal.ai", "Runware");

        String project = studio.newProject(admin, "LoRA в форме");
        Document form = Jsoup.parse(
                admin.api().get("/projects/" + project + "/elements/new", HTML).text());
        assertThat(form.select("select[name=loraModelId] option").eachText())
                .contains("Без LoRA", "Аня на Runware · Runware");
        assertThat(form.selectFirst("input[name=loraWeight]").attr("type")).isEqualTo("number");
        String lora = form.select("select[name=loraModelId] option").stream()
                .filter(o -> o.text().startsWith("Аня на Runware"))
                .findFirst()
                .orElseThrow()
                .val();

        Api.Response saved = admin.api()
                .form(
                        "/projects/" + project + "/elements",
                        Map.of("kind", "character", "handle", "Аня", "loraModelId", lora, "loraWeight", ""));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        var anya = admin.api()
                .get("/api/v1/projects/" + project + "/elements")
                .json()
                .path("items")
                .get(0);
        assertThat(anya.path("loraModelId").asString()).isEqualTo(lora);
        assertThat(anya.path("loraWeight").decimalValue()).isEqualByComparingTo("0.75");
    }
}
