package app.kadr.asset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live takes some generations made, in live shots of the person's live projects: how a module that knows which
 * generations used something (the element library) finds the shots and takes that show it, without reading this
 * module's table itself.
 */
@Service
public class GenerationTakes {

    /** Keeps the {@code in (…)} list of one query within what every database takes. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    GenerationTakes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A take with the generation that made it. */
    public record Take(UUID generationId, Asset asset) {}

    /** Newest first; a generation of someone else's, or whose take is in the trash, gives nothing. */
    @Transactional(readOnly = true)
    public List<Take> of(UUID ownerId, Collection<UUID> generationIds) {
        List<UUID> ids = List.copyOf(generationIds);
        List<Take> takes = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Object> params = new ArrayList<>();
            params.add(ownerId);
            params.addAll(chunk);
            takes.addAll(
                    jdbc.sql("""
                            select a.* from assets a join shots s on s.id = a.shot_id
                            join projects p on p.id = s.project_id
                            where p.owner_id = ? and p.deleted_at is null and s.deleted_at is null
                              and a.deleted_at is null and a.generation_id in (""" + placeholders(chunk.size()) + ")").params(params).query(Assets::map).list().stream()
                            .map(row -> new Take(java.util.Objects.requireNonNull(row.generationId()), Asset.of(row)))
                            .toList());
        }
        takes.sort((a, b) -> b.asset().createdAt().compareTo(a.asset().createdAt()));
        return takes;
    }

    private static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }
}
