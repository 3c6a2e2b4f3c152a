package app.kadr.project;

import java.util.UUID;

/**
 * What a page about one project shows of the project itself, without the counts of {@link ProjectSummary}: the
 * storyboard counts its shots and running time from its own grid, so it does not ask the database twice.
 */
public record ProjectHeader(UUID id, String name, String description, int fps, String aspectRatio) {

    public ProjectFormat format() {
        return new ProjectFormat(fps, aspectRatio);
    }
}
