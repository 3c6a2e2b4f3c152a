package app.kadr.asset;

import app.kadr.project.ProjectName;
import app.kadr.project.ProjectService;
import app.kadr.shared.Cursor;
import app.kadr.shared.KadrException;
import app.kadr.shared.Page;
import app.kadr.storyboard.ShotPlace;
import app.kadr.storyboard.StoryboardService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every take of a person across their live projects, searched and filtered. The projects and shots come from their
 * modules' public services; only the takes are read here, from this module's own table.
 */
@Service
public class GalleryService {

    private final GalleryTakes takes;
    private final ProjectService projects;
    private final StoryboardService storyboard;
    private final Provenance provenance;

    GalleryService(GalleryTakes takes, ProjectService projects, StoryboardService storyboard, Provenance provenance) {
        this.takes = takes;
        this.projects = projects;
        this.storyboard = storyboard;
        this.provenance = provenance;
    }

    /** Where the person's takes can live: their live projects and shots, for filters and the copy dialog. */
    public record Places(Map<UUID, String> projects, List<ShotPlace> shots) {

        List<ShotPlace> shotsOf(UUID projectId) {
            return shots.stream().filter(s -> s.projectId().equals(projectId)).toList();
        }
    }

    @Transactional(readOnly = true)
    public Places places(UUID ownerId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (ProjectName project : projects.names(ownerId)) {
            names.put(project.id(), project.name());
        }
        return new Places(names, storyboard.places(ownerId));
    }

    /** One page of takes, newest first; a project filter naming someone else's project finds nothing there: 404. */
    @Transactional(readOnly = true)
    public Page<GalleryItem> search(
            UUID ownerId, GalleryFilter filter, @Nullable String cursor, @Nullable Integer limit) {
        return search(places(ownerId), filter, cursor, limit);
    }

    /** The same, within places already read for this person (the page needs them for its filters too). */
    @Transactional(readOnly = true)
    public Page<GalleryItem> search(
            Places places, GalleryFilter filter, @Nullable String cursor, @Nullable Integer limit) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        if (filter.projectId() != null && !places.projects().containsKey(filter.projectId())) {
            throw KadrException.notFound();
        }
        List<ShotPlace> scope = filter.projectId() == null ? places.shots() : places.shotsOf(filter.projectId());
        if (scope.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<UUID, ShotPlace> shots = scope.stream().collect(Collectors.toMap(ShotPlace::id, s -> s));
        Set<UUID> headliners = scope.stream()
                .map(ShotPlace::headlinerAssetId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<AssetRow> rows = takes.page(shots.keySet(), headliners, filter, after, size + 1);
        List<AssetRow> page = rows.stream().limit(size).toList();
        Map<UUID, AssetGeneration> made = provenance.of(page.stream()
                .map(AssetRow::generationId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<GalleryItem> items = page.stream()
                .map(row -> {
                    ShotPlace shot = shots.get(row.shotId());
                    return new GalleryItem(
                            Asset.of(row, row.generationId() == null ? null : made.get(row.generationId())),
                            shot.projectId(),
                            places.projects().getOrDefault(shot.projectId(), ""),
                            shot.number(),
                            shot.title(),
                            row.id().equals(shot.headlinerAssetId()));
                })
                .toList();
        if (rows.size() <= size) {
            return new Page<>(items, null);
        }
        AssetRow last = page.getLast();
        return new Page<>(items, new Cursor(last.createdAt(), last.id()).encode());
    }

    /** Whether prompt search stems Russian words here (PostgreSQL) or matches substrings (H2). */
    public boolean searchStems() {
        return takes.stems();
    }
}
