package app.kadr.batch;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The batch dialog's fragments: the price before confirming, refusals shown in the dialog, nothing for strangers. */
@KadrTest
class BatchPagesTests {

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    String draft;

    @BeforeEach
    void aProject() {
        person = studio.newPerson();
        project = studio.newProject(person, "Диалог пакета");
        draft = studio.localModel(person, "local/draft");
    }

    @Test
    void theEstimateShowsTakesShotsAndPriceAndTheButtonThatStartsThem() {
        String shot = shot("лес в тумане");

        Api.Response answer = person.api()
                .form(
                        "/projects/" + project + "/batches/estimate",
                        Map.of("shotIds", shot, "modelId", draft, "count", "3"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Document estimate = Jsoup.parse(answer.text());
        assertThat(estimate.selectFirst("[data-batch-total]").attr("data-takes"))
                .isEqualTo("3");
        assertThat(estimate.selectFirst("[data-batch-total]").text()).contains("3 дубля", "по 1 шоту", "бесплатно");
        assertThat(estimate.selectFirst("[data-batch-start]").text()).isEqualTo("Запустить: 3 дубля");
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/generations")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void aRefusalIsShownInTheDialogInsteadOfAStartButton() {
        String blank = shot("");

        Api.Response estimate = person.api()
                .form("/projects/" + project + "/batches/estimate", Map.of("shotIds", blank, "modelId", draft));
        Api.Response start = person.api()
                .form("/projects/" + project + "/batches/start", Map.of("shotIds", blank, "modelId", draft));

        assertThat(estimate.status()).isEqualTo(200);
        Document refused = Jsoup.parse(estimate.text());
        assertThat(refused.selectFirst(".alert").text()).contains("нет описания");
        assertThat(refused.selectFirst("[data-batch-start]")).isNull();
        assertThat(start.headers().getFirst("HX-Retarget")).isEqualTo("#batch-estimate");
        assertThat(Jsoup.parse(start.text()).selectFirst(".alert").text()).contains("нет описания");
    }

    @Test
    void theDialogAndTheStripOfAnotherPersonsProjectDoNotExist() {
        String shot = shot("море");
        Studio.Person stranger = studio.newPerson();

        assertThat(stranger.api().get("/projects/" + project + "/batches/strip").status())
                .isEqualTo(404);
        assertThat(stranger.api().get("/projects/" + project + "/batches/new").status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .form("/projects/" + project + "/batches/estimate", Map.of("shotIds", shot, "modelId", draft))
                        .status())
                .isEqualTo(404);
    }

    private String shot(String description) {
        Api.Response shot = person.api()
                .post("/api/v1/projects/" + project + "/shots", Map.of("title", "Шот", "description", description));
        assertThat(shot.status()).as(shot.toString()).isEqualTo(201);
        return shot.id();
    }
}
