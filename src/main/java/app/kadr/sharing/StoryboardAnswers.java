package app.kadr.sharing;

import app.kadr.storyboard.ClientAnswers;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the storyboard the latest approval of each shot, over all the project's published versions. */
@Component
class StoryboardAnswers implements ClientAnswers {

    private final Reviews reviews;

    StoryboardAnswers(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Answer> ofProject(UUID projectId) {
        return reviews.latestApprovals(projectId).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> new Answer(
                                e.getValue().getValue().decision(), e.getValue().getKey())));
    }
}
