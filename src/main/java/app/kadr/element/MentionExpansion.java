package app.kadr.element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Expands a prompt's @mentions: the first mention of an element becomes its name with its description in brackets,
 * later ones its name alone (the provider needs the description once); a handle no element answers to stays as
 * written, since «@» may mean something else. Elements attached without a mention add their description at the end.
 */
final class MentionExpansion {

    private MentionExpansion() {}

    static Mentions expand(String prompt, List<ElementRow> library, List<ElementRow> attached) {
        Map<String, ElementRow> byKey = new LinkedHashMap<>();
        library.forEach(row -> byKey.put(Handle.key(row.handle()), row));
        Map<UUID, ElementRow> used = new LinkedHashMap<>();
        Matcher mention = Handle.MENTION.matcher(prompt);
        StringBuilder expanded = new StringBuilder();
        while (mention.find()) {
            @Nullable ElementRow row = longestKnown(mention.group(1), byKey);
            if (row == null) {
                mention.appendReplacement(expanded, Matcher.quoteReplacement(mention.group()));
                continue;
            }
            String rest = mention.group(1).substring(row.handle().length());
            String text = used.containsKey(row.id()) ? row.name() : described(row);
            used.put(row.id(), row);
            mention.appendReplacement(expanded, Matcher.quoteReplacement(text + rest));
        }
        mention.appendTail(expanded);
        for (ElementRow row : attached) {
            if (used.putIfAbsent(row.id(), row) == null) {
                expanded.append(expanded.isEmpty() ? "" : ". ").append(described(row));
            }
        }
        List<ElementUse> uses = new ArrayList<>();
        Set<UUID> references = new LinkedHashSet<>();
        List<Mentions.ElementLora> loras = new ArrayList<>();
        for (ElementRow row : used.values()) {
            uses.add(new ElementUse(row.id(), row.version(), row.handle()));
            references.addAll(row.referenceAssetIds());
            if (row.loraId() != null && row.loraWeight() != null) {
                loras.add(new Mentions.ElementLora(row.id(), row.loraId(), row.loraWeight()));
            }
        }
        return new Mentions(prompt, expanded.toString(), uses, List.copyOf(references), List.copyOf(loras));
    }

    /** The element whose handle the mention starts with, longest first: «@Аня-маленькая» is not «@Аня» if both exist. */
    private static @Nullable ElementRow longestKnown(String written, Map<String, ElementRow> byKey) {
        String key = Handle.key(written);
        for (int end = key.length(); end > 0; end--) {
            ElementRow row = byKey.get(key.substring(0, end));
            if (row != null && (end == key.length() || !Character.isLetterOrDigit(key.charAt(end)))) {
                return row;
            }
        }
        return null;
    }

    private static String described(ElementRow row) {
        return row.description().isEmpty() ? row.name() : row.name() + " (" + row.description() + ")";
    }
}
