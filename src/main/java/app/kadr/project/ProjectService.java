package app.kadr.project;

import app.kadr.shared.Access;
import app.kadr.shared.Cursor;
import app.kadr.shared.KadrException;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Page;
import app.kadr.shared.Rows;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProjectService {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 5000;

    private final Projects projects;
    private final Access access;

    ProjectService(Projects projects, Access access) {
        this.projects = projects;
        this.access = access;
    }

    @Transactional
    public ProjectSummary create(UUID ownerId, @Nullable String name, @Nullable String description) {
        UUID id = UUID.randomUUID();
        projects.insert(id, ownerId, validName(name), validDescription(description), Rows.now());
        return projects.summary(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Page<ProjectSummary> list(UUID ownerId, @Nullable String cursor, @Nullable Integer limit) {
        int size = Cursor.limit(limit);
        List<ProjectSummary> items = projects.live(ownerId, Cursor.decode(cursor), size + 1);
        if (items.size() <= size) {
            return new Page<>(items, null);
        }
        ProjectSummary last = items.get(size - 1);
        return new Page<>(items.subList(0, size), new Cursor(last.createdAt(), last.id()).encode());
    }

    /** Every live project of the owner, id and name only: what pickers and filters across projects need. */
    @Transactional(readOnly = true)
    public List<ProjectName> names(UUID ownerId) {
        return projects.names(ownerId);
    }

    @Transactional(readOnly = true)
    public ProjectSummary get(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return projects.summary(projectId).orElseThrow(KadrException::notFound);
    }

    /** The project's name, description and format alone, for a page that counts the rest itself. */
    @Transactional(readOnly = true)
    public ProjectHeader header(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return projects.header(projectId).orElseThrow(KadrException::notFound);
    }

    @Transactional
    public ProjectSummary update(UUID ownerId, UUID projectId, @Nullable String name, @Nullable String description) {
        return update(ownerId, projectId, name, description, null, null);
    }

    /** Changes what is given and leaves what is null; checks everything before it writes anything. */
    @Transactional
    public ProjectSummary update(
            UUID ownerId,
            UUID projectId,
            @Nullable String name,
            @Nullable String description,
            @Nullable Integer fps,
            @Nullable String aspectRatio) {
        ProjectSummary current = get(ownerId, projectId);
        String newName = name == null ? current.name() : validName(name);
        String newDescription = description == null ? current.description() : validDescription(description);
        ProjectFormat format = current.format().with(fps, aspectRatio);
        projects.update(projectId, newName, newDescription, format, Rows.now());
        return projects.summary(projectId).orElseThrow();
    }

    @Transactional
    public void moveToTrash(UUID ownerId, UUID projectId) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        projects.setDeleted(projectId, Rows.now());
    }

    @Transactional
    public void restore(UUID ownerId, UUID projectId) {
        access.requireTrashed(ownerId, OwnedKind.PROJECT, projectId);
        projects.setDeleted(projectId, null);
    }

    @Transactional(readOnly = true)
    public List<ProjectSummary> trashed(UUID ownerId) {
        return projects.trashed(ownerId);
    }

    private static String validName(@Nullable String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty()) {
            throw KadrException.invalid("name", "project.name.empty");
        }
        if (value.length() > MAX_NAME) {
            throw KadrException.invalid("name", "project.name.long", MAX_NAME);
        }
        return value;
    }

    private static String validDescription(@Nullable String description) {
        String value = description == null ? "" : description.strip();
        if (value.length() > MAX_DESCRIPTION) {
            throw KadrException.invalid("description", "project.description.long", MAX_DESCRIPTION);
        }
        return value;
    }
}
