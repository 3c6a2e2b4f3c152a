package app.kadr.storyboard;

import java.util.Map;
import java.util.UUID;

/**
 * What clients answered on a project's shots, told to the storyboard by the module that asks them (sharing), so the
 * grid can mark and filter shots by it without reading that module's tables or depending on it.
 */
public interface ClientAnswers {

    /** The latest answer on each shot that has one. */
    Map<UUID, Answer> ofProject(UUID projectId);

    /**
     * A client's answer: {@code decision} is {@code approved} or {@code changes}, given on published version
     * {@code version}.
     */
    record Answer(String decision, int version) {}
}
