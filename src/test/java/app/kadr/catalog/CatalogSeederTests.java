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
    private static final String RUNWARE_FLUX = "runware:101@1";
    private static final String FAL_LORA = "fal-ai/flux-lora";

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

    @Test
    void aStudioSeededBeforeLorasLearnsWhereTheyGoButAnAdminsOwnMappingIsKept() {
        String runware = mapping(RUNWARE_FLUX);
        String fal = mapping(FAL_LORA);
        try {
            jdbc.sql("update models set field_mapping = ? where external_id = ?")
                    .params(runware.replace("\"loras\":\"lora\",", ""), RUNWARE_FLUX)
                    .update();
            jdbc.sql("""
                            update models set field_mapping = ?, updated_at = created_at + interval '1' minute
                            where external_id = ?""")
                    .params(fal.replace("\"loras\":\"loras\",", ""), FAL_LORA)
                    .update();
            assertThat(mapping(RUNWARE_FLUX)).doesNotContain("loras");
            assertThat(mapping(FAL_LORA)).doesNotContain("loras");

            seeder.seed();

            assertThat(mapping(RUNWARE_FLUX)).contains("\"loras\":\"lora\"").contains("\"prompt\":\"positivePrompt\"");
            assertThat(mapping(FAL_LORA)).as("an admin changed it").doesNotContain("loras");
        } finally {
            jdbc.sql("update models set field_mapping = ? where external_id = ?")
                    .params(runware, RUNWARE_FLUX)
                    .update();
            jdbc.sql("update models set field_mapping = ?, updated_at = created_at where external_id = ?")
                    .params(fal, FAL_LORA)
                    .update();
        }
    }

    private String mapping(String externalId) {
        return jdbc.sql("select field_mapping from models where external_id = ?")
                .param(externalId)
                .query(String.class)
                .single();
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
