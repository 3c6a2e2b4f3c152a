package app.kadr.storyboard;

import app.kadr.shared.RenderedFragments;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The HTML of storyboard boxes, rendered once per distinct shot. Rendering the grid through Thymeleaf was the
 * storyboard page's whole cost (docs/benchmarks.md, sections 1 and 7); a box's HTML depends only on its {@link Shot}
 * (a record of everything the box shows: number, texts, status, duration, headliner and its file versions, counts),
 * its start on the film and the locale, so these are the key of {@link RenderedFragments}.
 */
@Component
class BoxHtml {

    private final RenderedFragments fragments;

    BoxHtml(RenderedFragments fragments) {
        this.fragments = fragments;
    }

    /** One box of a shot no client has answered on. */
    String of(Shot shot, @Nullable String start, Locale locale) {
        return of(shot, start, null, locale);
    }

    /**
     * One box; {@code start} is where the shot begins on the film («1:05»), or null to leave it out; {@code answer}
     * is a client's latest answer on it, if any.
     */
    String of(Shot shot, @Nullable String start, ClientAnswers.@Nullable Answer answer, Locale locale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shot", shot);
        variables.put("start", start);
        variables.put("answer", answer);
        return fragments.of("storyboard/box", "box", variables, locale);
    }

    /** The whole grid's boxes, in order, as one string. */
    String of(Storyboard storyboard, Map<UUID, ClientAnswers.Answer> answers, Locale locale) {
        Map<UUID, String> starts = storyboard.starts();
        String[] boxes = new String[storyboard.items().size()];
        int i = 0;
        for (Shot shot : storyboard.items()) {
            boxes[i++] = of(shot, starts.get(shot.id()), answers.get(shot.id()), locale);
        }
        // Joined in one copy of the final size: a growing builder copies megabytes at 1,000 shots, once more when
        // the first Cyrillic letter widens it.
        return String.join("", boxes);
    }
}
