package app.kadr.storyboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The HTML of storyboard boxes, rendered once per distinct shot. Rendering the grid through Thymeleaf was the
 * storyboard page's whole cost (docs/benchmarks.md, section 1); a box's HTML depends only on its {@link Shot} (a
 * record of everything the box shows: number, texts, status, headliner and its file versions, counts) and the
 * locale, so that pair is the key. Any edit changes the record, so the edited box misses and re-renders; an
 * outdated entry is never found again and ages out.
 */
@Component
class BoxHtml {

    /** Enough for the open storyboards of many people at ~2 KB a box. */
    private static final int MAX_BOXES = 50_000;

    private record Key(Shot shot, Locale locale) {}

    private final Cache<Key, String> boxes =
            Caffeine.newBuilder().maximumSize(MAX_BOXES).build();
    private final ITemplateEngine templates;

    BoxHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    String of(Shot shot, Locale locale) {
        return boxes.get(new Key(shot, locale), this::render);
    }

    /** The whole grid's boxes, in order, as one string. */
    String of(List<Shot> shots, Locale locale) {
        StringBuilder html = new StringBuilder(shots.size() * 2048);
        for (Shot shot : shots) {
            html.append(of(shot, locale));
        }
        return html.toString();
    }

    private String render(Key key) {
        Context context = new Context(key.locale(), Map.of("shot", key.shot()));
        return templates.process("storyboard/box", Set.of("box"), context);
    }
}
