package app.kadr.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * HTML of fragments that are drawn many times over from the same few values: storyboard boxes, take cards.
 * Thymeleaf spends most of those pages' time re-rendering them (docs/benchmarks.md, sections 1, 7 and 9); their
 * output depends only on their variables (records of everything they show) and the locale, so these are the key.
 * An edit changes the record, so the edited fragment misses and re-renders; an outdated entry is never asked for
 * again and ages out. Fragments rendered here run outside any request: links in them are plain strings, not
 * {@code @{…}}.
 */
@Component
public class RenderedFragments {

    /** Characters kept: ~64 MB at worst (two bytes a Cyrillic character), some 20,000 cards or 30,000 boxes. */
    private static final long MAX_CHARACTERS = 32L * 1024 * 1024;

    private record Key(String template, String fragment, Map<String, Object> variables, Locale locale) {}

    private final Cache<Key, String> html = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, String value) -> value.length())
            .build();
    private final ITemplateEngine templates;

    RenderedFragments(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The fragment {@code template :: fragment} drawn with these variables (values may be null). */
    public String of(String template, String fragment, Map<String, ?> variables, Locale locale) {
        Map<String, Object> values = Collections.unmodifiableMap(new HashMap<>(variables));
        return html.get(new Key(template, fragment, values, locale), this::render);
    }

    private String render(Key key) {
        return templates.process(key.template(), Set.of(key.fragment()), new Context(key.locale(), key.variables()));
    }
}
