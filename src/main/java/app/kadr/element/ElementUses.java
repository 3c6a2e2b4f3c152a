package app.kadr.element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    void moveTo(UUID generationId, UUID elementId, int version) {
        jdbc.sql("update element_uses set version = ? where generation_id = ? and element_id = ? and version < ?")
                .params(version, generationId, elementId, version)
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

    /** The element versions of every generation of a project that used any, by generation, by handle. */
    Map<UUID, List<ElementUse>> ofProject(UUID projectId) {
        Map<UUID, List<ElementUse>> used = new HashMap<>();
        jdbc.sql("""
                        select u.generation_id, u.element_id, u.version, v.handle from element_uses u
                        join elements e on e.id = u.element_id
                        join element_versions v on v.element_id = u.element_id and v.version = u.version
                        where e.project_id = ? order by u.generation_id, v.handle""")
                .param(projectId)
                .query((rs, n) -> used.computeIfAbsent(
                                rs.getObject("generation_id", UUID.class), g -> new ArrayList<>())
                        .add(new ElementUse(
                                rs.getObject("element_id", UUID.class), rs.getInt("version"), rs.getString("handle"))))
                .list();
        return used;
    }

    /**
     * The generations of a project's live elements made with a version older than the element's current one, with
     * those elements, oldest generation first.
     */
    Map<UUID, List<StaleUse>> stale(UUID projectId) {
        Map<UUID, List<StaleUse>> stale = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.generation_id, e.id, v.handle, u.version, e.version as current_version
                        from element_uses u
                        join elements e on e.id = u.element_id
                        join element_versions v on v.element_id = e.id and v.version = e.version
                        where e.project_id = ? and e.deleted_at is null and u.version < e.version
                        order by u.generation_id, v.handle""")
                .param(projectId)
                .query((rs, n) -> stale.computeIfAbsent(
                                rs.getObject("generation_id", UUID.class), g -> new ArrayList<>())
                        .add(new StaleUse(
                                rs.getObject("id", UUID.class),
                                rs.getString("handle"),
                                rs.getInt("version"),
                                rs.getInt("current_version"))))
                .list();
        return stale;
    }

    /** How many generations used each element of the project in an older version than its current one. */
    Map<UUID, Integer> staleCounts(UUID projectId) {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select e.id, count(*) as stale from element_uses u join elements e on e.id = u.element_id
                        where e.project_id = ? and u.version < e.version group by e.id""")
                .param(projectId)
                .query((rs, n) -> counts.put(rs.getObject("id", UUID.class), rs.getInt("stale")))
                .list();
        return counts;
    }

    Optional<String> written(UUID generationId) {
        return jdbc.sql("select written from mentioned_prompts where generation_id = ?")
                .param(generationId)
                .query(String.class)
                .optional();
    }
}
