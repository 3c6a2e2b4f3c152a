package app.kadr.element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The elements set on shots by hand, and the generations that mentioned a project's live elements. */
@Repository
class ShotElements {

    /** A pair read from one of the tables: which element a shot or a generation features. */
    record Link(UUID ownerOfLink, UUID elementId) {}

    private final JdbcClient jdbc;

    ShotElements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(UUID shotId, List<UUID> elementIds) {
        jdbc.sql("delete from shot_elements where shot_id = ?").param(shotId).update();
        for (int i = 0; i < elementIds.size(); i++) {
            jdbc.sql("insert into shot_elements (shot_id, element_id, position) values (?, ?, ?)")
                    .params(shotId, elementIds.get(i), i)
                    .update();
        }
    }

    /** Removes from these shots every element that is not of the project (the shots moved there). */
    void keepOnlyOf(UUID projectId, List<UUID> shotIds) {
        if (shotIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        delete from shot_elements where shot_id in (:shots)
                          and element_id not in (select id from elements where project_id = :project)""").param("shots", shotIds).param("project", projectId).update();
    }

    /** Shot → its hand-set live elements of the project, in the order they were set. */
    Map<UUID, List<UUID>> byHand(UUID projectId) {
        return grouped(jdbc.sql("""
                        select se.shot_id, se.element_id from shot_elements se
                        join elements e on e.id = se.element_id
                        where e.project_id = ? and e.deleted_at is null order by se.shot_id, se.position""")
                .param(projectId)
                .query((rs, n) -> new Link(rs.getObject("shot_id", UUID.class), rs.getObject("element_id", UUID.class)))
                .list());
    }

    /** Generation → the project's live elements its prompt mentioned or it attached. */
    Map<UUID, List<UUID>> mentionedBy(UUID projectId) {
        return grouped(jdbc.sql("""
                        select u.generation_id, u.element_id from element_uses u
                        join elements e on e.id = u.element_id
                        join element_versions v on v.element_id = e.id and v.version = e.version
                        where e.project_id = ? and e.deleted_at is null order by u.generation_id, v.handle""")
                .param(projectId)
                .query((rs, n) ->
                        new Link(rs.getObject("generation_id", UUID.class), rs.getObject("element_id", UUID.class)))
                .list());
    }

    private static Map<UUID, List<UUID>> grouped(List<Link> links) {
        Map<UUID, List<UUID>> grouped = new LinkedHashMap<>();
        for (Link link : links) {
            grouped.computeIfAbsent(link.ownerOfLink(), k -> new ArrayList<>()).add(link.elementId());
        }
        return grouped;
    }
}
