package app.kadr.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kadr.support.Api;
import app.kadr.support.EventStream;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.SecondInstance;
import app.kadr.support.Studio;
import app.kadr.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Open pages follow a project live: modules say what happened, and every page watching the project hears it
 * within two seconds, on whichever instance the page is open.
 */
@KadrTest
class LiveUpdatesTests {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Autowired
    Studio studio;

    @Autowired
    Environment environment;

    @Test
    void aPageWatchingAProjectHearsOfAnUploadAndThenOfItsProcessing() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Живой проект");
        String shot = studio.newShot(person, project, "Рассвет");
        String otherProject = studio.newProject(person, "Другой проект");

        try (EventStream page = EventStream.open(studio.baseUrl(), project, person.token());
                EventStream elsewhere = EventStream.open(studio.baseUrl(), otherProject, person.token())) {
            await().atMost(PROMPTLY).until(() -> page.isOpen() && elsewhere.isOpen());
            String asset = studio.upload(person, shot, new Api.NamedBytes("рассвет.png", Samples.png(64, 48)))
                    .getFirst();

            await().atMost(PROMPTLY)
                    .untilAsserted(() -> assertThat(page.events()).anySatisfy(event -> {
                        assertThat(event.name()).isEqualTo("shot");
                        assertThat(event.data()).contains(shot);
                    }));
            studio.awaitProcessed(person, asset);
            await().atMost(PROMPTLY)
                    .untilAsserted(() -> assertThat(page.events()).anySatisfy(event -> {
                        assertThat(event.name()).isEqualTo("asset");
                        assertThat(event.data()).contains(asset);
                    }));
            assertThat(elsewhere.events()).as("another project's page").isEmpty();
        }
    }

    @Test
    void aPageOpenOnAnotherInstanceHearsOfAChangeMadeOnThisOne() {
        Assumptions.assumeTrue(
                TestDatabase.postgres(), "several instances share PostgreSQL; the embedded H2 serves one alone");
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Два сервера");
        String shot = studio.newShot(person, project, "Закат");

        try (SecondInstance other = SecondInstance.beside(environment, "kadr-b");
                EventStream page = EventStream.open(other.studio().baseUrl(), project, person.token())) {
            await().atMost(PROMPTLY).until(page::isOpen);
            studio.upload(person, shot, new Api.NamedBytes("закат.png", Samples.png(64, 48)));

            await().atMost(PROMPTLY)
                    .untilAsserted(() -> assertThat(page.events()).anySatisfy(event -> {
                        assertThat(event.name()).isEqualTo("shot");
                        assertThat(event.data()).contains(shot);
                    }));
        }
    }
}
