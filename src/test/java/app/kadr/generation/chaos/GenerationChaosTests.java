package app.kadr.generation.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Studio;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durable generation jobs under stress: 200 generations against a slow fal queue that turns away about 30% of
 * submits with 429 and a Retry-After, a provider limit of 8, and the studio stopped halfway and started again on
 * the same database. Every generation must end done, each submitted exactly once after the queue accepted it,
 * each result stored exactly once, and the queue must never see more than 8 of them at a time.
 */
class GenerationChaosTests {

    private static final int GENERATIONS = 200;
    private static final int LIMIT = 8;

    private final FalQueueFake fal = new FalQueueFake(Duration.ofMillis(600), Duration.ofMillis(80), 0.3);
    private final StudioRuns runs = new StudioRuns(StudioRuns.quickPacing());

    @AfterEach
    void stopAll() throws Exception {
        fal.stop();
        runs.forget();
    }

    @Test
    void twoHundredGenerationsSurviveABusyProviderAndARestartWithoutLossOrDuplicates() throws Exception {
        fal.start();
        ConfigurableApplicationContext first = runs.start();
        Studio studio = new Studio(first.getEnvironment());
        Studio.Person admin = StudioRuns.pointFalAt(studio, fal.baseUrl(), LIMIT);
        String shot = studio.newShot(admin, studio.newProject(admin, "Хаос"), "Двести дублей");
        String model = StudioRuns.modelId(admin, StudioRuns.FLUX_SCHNELL);
        List<String> prompts = IntStream.range(0, GENERATIONS)
                .mapToObj(i -> "маяк в шторм, дубль " + i)
                .toList();

        List<String> ids = StudioRuns.generate(admin, shot, model, prompts);
        StudioRuns.await(
                () -> StudioRuns.count(first, "select count(*) from generations where status = 'DONE'")
                        >= GENERATIONS / 2,
                Duration.ofSeconds(40),
                "half of the generations done");
        int inFlightAtStop = fal.inFlightNow();
        first.close();
        assertThat(inFlightAtStop)
                .as("requests at the queue when the studio stopped")
                .isPositive();
        ConfigurableApplicationContext second = runs.start();
        try {
            StudioRuns.await(
                    () -> StudioRuns.count(
                                    second,
                                    "select count(*) from generations where status in ('DONE','FAILED','CANCELLED')")
                            == GENERATIONS,
                    Duration.ofSeconds(45),
                    "every generation ended after the restart");

            assertThat(ids).hasSize(GENERATIONS).doesNotHaveDuplicates();
            assertThat(StudioRuns.count(second, "select count(*) from generations where status = 'DONE'"))
                    .as("generations done")
                    .isEqualTo(GENERATIONS);
            assertThat(fal.acceptedByPrompt.keySet())
                    .as("prompts the queue accepted")
                    .hasSize(GENERATIONS);
            assertThat(fal.acceptedByPrompt.values())
                    .as("accepted submits per generation")
                    .allSatisfy(accepted -> assertThat(accepted.get()).isEqualTo(1));
            assertThat(fal.fetchesByRequest.values())
                    .as("downloads per accepted request")
                    .hasSize(GENERATIONS)
                    .allSatisfy(fetches -> assertThat(fetches.get()).isEqualTo(1));
            assertThat(StudioRuns.count(second, "select count(*) from generation_results"))
                    .as("results stored")
                    .isEqualTo(GENERATIONS);
            assertThat(StudioRuns.count(
                            second,
                            "select count(*) from (select generation_id from generation_results"
                                    + " group by generation_id having count(*) <> 1) twice"))
                    .as("generations with other than one result")
                    .isZero();
            assertThat(StudioRuns.count(second, "select count(*) from assets where generation_id is not null"))
                    .as("generated assets")
                    .isEqualTo(GENERATIONS);
            assertThat(StudioRuns.count(second, "select count(*) from generation_slots"))
                    .as("slots still held")
                    .isZero();
            assertThat(fal.maxInFlight.get())
                    .as("most requests in flight at the queue")
                    .isLessThanOrEqualTo(LIMIT);
            assertThat(fal.maxInFlight.get()).as("the limit was actually used").isEqualTo(LIMIT);
            assertThat(fal.busyAnswers.get())
                    .as("submits turned away with 429 (%d in flight at the restart)", inFlightAtStop)
                    .isGreaterThan(GENERATIONS / 10);
        } finally {
            second.close();
        }
    }
}
