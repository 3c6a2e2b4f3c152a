package app.kadr.film;

import app.kadr.asset.AssetService;
import app.kadr.asset.StoredFile;
import app.kadr.project.ProjectService;
import app.kadr.project.ProjectSummary;
import app.kadr.sharing.Comment;
import app.kadr.sharing.CommentService;
import app.kadr.storyboard.Headliner;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a project's cut for its owner from the modules that own shots, takes and comments. */
@Component
class Cuts {

    private final ProjectService projects;
    private final StoryboardService storyboard;
    private final AssetService assets;
    private final CommentService comments;

    Cuts(ProjectService projects, StoryboardService storyboard, AssetService assets, CommentService comments) {
        this.projects = projects;
        this.storyboard = storyboard;
        this.assets = assets;
        this.comments = comments;
    }

    /** The cut of one of the owner's projects; anyone else's is 404. */
    @Transactional(readOnly = true)
    Cut of(UUID ownerId, UUID projectId) {
        ProjectSummary project = projects.get(ownerId, projectId);
        List<Shot> shots = storyboard.storyboard(ownerId, projectId).items();
        Map<UUID, List<String>> notes = comments.ofProject(ownerId, projectId, false).stream()
                .collect(Collectors.groupingBy(Comment::shotId, Collectors.mapping(Cuts::note, Collectors.toList())));
        int fps = project.format().fps();
        List<Cut.Shot> cut = new ArrayList<>();
        for (Shot shot : shots) {
            int frames = Math.max(1, Frames.frames(shot.durationMs(), fps));
            cut.add(new Cut.Shot(
                    shot.number(),
                    shot.title(),
                    frames,
                    media(ownerId, shot, shots.size(), fps, frames),
                    notes.getOrDefault(shot.id(), List.of())));
        }
        return new Cut(project.name(), fps, project.format().ratio(), cut);
    }

    /** A comment as a marker's one line: editing systems show markers as single lines. */
    private static String note(Comment comment) {
        return (comment.authorName() + ": " + comment.text())
                .replaceAll("\\s+", " ")
                .strip();
    }

    private Cut.@Nullable Media media(UUID ownerId, Shot shot, int shotCount, int fps, int shotFrames) {
        Headliner headliner = shot.headliner();
        if (headliner == null) {
            return null;
        }
        StoredFile original = assets.file(ownerId, headliner.id(), "original");
        int take = assets.takeNumber(ownerId, headliner.id());
        String fileName =
                HandoffNames.of(shot.number(), shotCount, shot.title(), take, HandoffNames.extensionOf(original.key()));
        // A video whose length is not known yet (still processing) is taken to fill its shot.
        int frames = !headliner.isVideo()
                ? 0
                : headliner.durationMs() == null ? shotFrames : Frames.framesWithin(headliner.durationMs(), fps);
        return new Cut.Media(original.key(), fileName, headliner.isVideo(), frames);
    }
}
