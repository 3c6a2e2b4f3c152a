package app.kadr.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seeder on a studio that already has the catalog: it completes what older seeds lacked and keeps the rest. */
@KadrTest
class CatalogSeederTests {

    private static final String FAST_UPSCALE = "stable-image/upscale/fast";
    private static final String FLUX = "fal-ai/flux/dev";

    @Autowired
    CatalogSeeder seeder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStudioSeededBeforeTypicalTimesLearnsThemButAnAdminsOwnTimeIsKept() {
        Integer upscale = typicalSeconds(FAST_UPSCALE);
        Integer flux = typicalSeconds(FLUX);
        long models = jdbc.sql("select count(*) from models").query(Long.class).single();
        try {
            setTypicalSeconds(FAST_UPSCALE, null);
            setTypicalSeconds(FLUX, 77);

            seeder.seed();

            assertThat(typicalSeconds(FAST_UPSCALE)).isEqualTo(1);
            assertThat(typicalSeconds(FLUX)).isEqualTo(77);
            assertThat(jdbc.sql("select count(*) from models").query(Long.class).single())
                    .as("nothing seeded twice")
                    .isEqualTo(models);
        } finally {
            setTypicalSeconds(FAST_UPSCALE, upscale);
            setTypicalSeconds(FLUX, flux);
        }
    }

    private @Nullable Integer typicalSeconds(String externalId) {
        return jdbc.sql("select typical_seconds from models where external_id = ?")
                .param(externalId)
                .query((rs, row) -> rs.getObject("typical_seconds", Integer.class))
                .single();
    }

    private void setTypicalSeconds(String externalId, @Nullable Integer seconds) {
        jdbc.sql("update models set typical_seconds = ? where external_id = ?")
                .params(seconds, externalId)
                .update();
    }
}
