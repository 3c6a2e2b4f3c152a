package app.kadr.element;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The element versions each generation was made with, and the prompt as written before expansion. */
@Repository
class ElementUses {

    private final JdbcClient jdbc;

    ElementUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID generationId, Mentions mentions) {
        for (ElementUse use : mentions.used()) {
            jdbc.sql("insert into element_uses (generation_id, element_id, version) values (?, ?, ?)")
                    .params(generationId, use.id(), use.version())
                    .update();
        }
        jdbc.sql("insert into mentioned_prompts (generation_id, written) values (?, ?)")
                .params(generationId, mentions.written())
                .update();
    }

    List<ElementUse> of(UUID generationId) {
        return jdbc.sql("""
                        select u.element_id, u.version, v.handle from element_uses u
                        join element_versions v on v.element_id = u.element_id and v.version = u.version
                        where u.generation_id = ? order by v.handle""")
                .param(generationId)
                .query((rs, n) -> new ElementUse(
                        rs.getObject("element_id", UUID.class), rs.getInt("version"), rs.getString("handle")))
                .list();
    }
}
