package app.kadr.generation;

import app.kadr.shared.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reference images of a generation's elements, each marked sent or not: a model declares how many it takes
 * ({@code maxReferences} in the catalog), the first ones in the order the elements were named go, and the rest are
 * kept as not sent so the take can say its references were left out.
 */
@Component
class GenerationReferences {

    private final JdbcClient jdbc;

    GenerationReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a generation did with its references: the ones sent, in order, and the ones its model could not take. */
    record Attached(List<UUID> sent, List<UUID> notSent) {

        static final Attached NONE = new Attached(List.of(), List.of());

        static Attached split(List<UUID> references, int limit) {
            int cut = Math.min(limit, references.size());
            return new Attached(
                    List.copyOf(references.subList(0, cut)), List.copyOf(references.subList(cut, references.size())));
        }

        boolean any() {
            return !sent.isEmpty() || !notSent.isEmpty();
        }
    }

    void record(UUID generationId, Attached attached) {
        int position = 0;
        for (UUID asset : attached.sent()) {
            insert(generationId, position++, asset, true);
        }
        for (UUID asset : attached.notSent()) {
            insert(generationId, position++, asset, false);
        }
    }

    Attached of(UUID generationId) {
        List<UUID> sent = new ArrayList<>();
        List<UUID> notSent = new ArrayList<>();
        jdbc.sql("select asset_id, sent from generation_references where generation_id = ? order by position")
                .param(generationId)
                .query((rs, n) -> (rs.getBoolean("sent") ? sent : notSent).add(Rows.uuid(rs, "asset_id")))
                .list();
        return sent.isEmpty() && notSent.isEmpty()
                ? Attached.NONE
                : new Attached(List.copyOf(sent), List.copyOf(notSent));
    }

    private void insert(UUID generationId, int position, UUID assetId, boolean sent) {
        jdbc.sql("insert into generation_references (generation_id, position, asset_id, sent) values (?, ?, ?, ?)")
                .params(generationId, position, assetId, sent)
                .update();
    }
}
