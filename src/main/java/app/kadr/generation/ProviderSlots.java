package app.kadr.generation;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many generations each provider has in flight. A generation takes a slot before it submits and gives it back
 * when the provider has finished its work (before the results are downloaded) or the generation ends; the slots are
 * rows, so the limit holds across restarts and across instances.
 */
@Component
class ProviderSlots {

    private final JdbcClient jdbc;

    ProviderSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes a slot if one is free; the provider's row lock makes concurrent takers wait their turn. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryTake(UUID providerId, UUID generationId, int limit) {
        jdbc.sql("select id from providers where id = ? for update")
                .param(providerId)
                .query(UUID.class)
                .list();
        boolean held = jdbc.sql("select count(*) from generation_slots where generation_id = ?")
                        .param(generationId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (held) {
            return true;
        }
        int inFlight = jdbc.sql("select count(*) from generation_slots where provider_id = ?")
                .param(providerId)
                .query(Integer.class)
                .single();
        if (inFlight >= Math.max(1, limit)) {
            return false;
        }
        jdbc.sql("insert into generation_slots (generation_id, provider_id) values (?, ?)")
                .params(generationId, providerId)
                .update();
        return true;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void giveBack(UUID generationId) {
        jdbc.sql("delete from generation_slots where generation_id = ?")
                .param(generationId)
                .update();
    }

    int inFlight(UUID providerId) {
        return jdbc.sql("select count(*) from generation_slots where provider_id = ?")
                .param(providerId)
                .query(Integer.class)
                .single();
    }
}
