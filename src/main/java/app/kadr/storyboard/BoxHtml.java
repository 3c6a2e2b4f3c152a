package app.kadr.storyboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The HTML of storyboard boxes, rendered once per distinct shot. Rendering the grid through Thymeleaf was the
 * storyboard page's whole cost (docs/benchmarks.md, sections 1 and 7); a box's HTML depends only on its {@link Shot}
 * (a record of everything the box shows: number, texts, status, duration, headliner and its file versions, counts),
 * its start on the film and the locale, so these are the key. Any edit changes the record, so the edited box misses and re-renders; an
 * outdated entry is never found again and ages out.
 */
@Component
class BoxHtml {

    /** Enough for the open storyboards of many people at ~2 KB a box. */
    private static final int MAX_BOXES = 50_000;

    private record Key(Shot shot, @Nullable String start, ClientAnswers.@Nullable Answer answer, Locale locale) {}

    private final Cache<Key, String> boxes =
            Caffeine.newBuilder().maximumSize(MAX_BOXES).build();
    private final ITemplateEngine templates;

    BoxHtml(ITemplateEngine templates) {
        this.templates = templates;
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
        return boxes.get(new Key(shot, start, answer, locale), this::render);
    }

    /** The whole grid's boxes, in order, as one string. */
    String of(Storyboard storyboard, Map<UUID, ClientAnswers.Answer> answers, Locale locale) {
        Map<UUID, String> starts = storyboard.starts();
        StringBuilder html = new StringBuilder(storyboard.items().size() * 2048);
        for (Shot shot : storyboard.items()) {
            html.append(of(shot, starts.get(shot.id()), answers.get(shot.id()), locale));
        }
        return html.toString();
    }

    private String render(Key key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shot", key.shot());
        variables.put("start", key.start());
        variables.put("answer", key.answer());
        Context context = new Context(key.locale(), variables);
        return templates.process("storyboard/box", Set.of("box"), context);
    }
}
