package app.kadr.shared;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one rule for text a person or a script sends Kadr: no control characters but tab and line breaks, and
 * no half of a surrogate pair. PostgreSQL cannot store a NUL, and none of these is ever meant by a human, so
 * they are refused at the edge, naming the field, before anything reaches the database.
 */
final class TextInputs {

    private TextInputs() {}

    static boolean allowed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || control(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean control(char c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }

    static KadrException refusal(String field) {
        return KadrException.invalid(field, "problem.text.control", field);
    }

    /**
     * Checks every text in a request body as the JSON reader made it (records, maps, lists, JSON trees),
     * naming the first bad one by its path, e.g. {@code params.prompt}.
     */
    static void check(@Nullable Object value, String path) {
        switch (value) {
            case null -> {}
            case String text -> require(text, path);
            case JsonNode node -> checkNode(node, path);
            case Map<?, ?> map ->
                map.forEach((key, item) -> {
                    String name = path(path, String.valueOf(key));
                    require(String.valueOf(key), name);
                    check(item, name);
                });
            case Collection<?> items -> {
                int index = 0;
                for (Object item : items) {
                    check(item, path + "[" + index++ + "]");
                }
            }
            case Record record -> checkRecord(record, path);
            default -> {}
        }
    }

    private static void checkRecord(Record record, String path) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                check(accessor.invoke(record), path(path, component.getName()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
    }

    private static void checkNode(JsonNode node, String path) {
        if (node.isString()) {
            require(node.asString(), path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNode(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (var entry : node.properties()) {
                String name = path(path, entry.getKey());
                require(entry.getKey(), name);
                checkNode(entry.getValue(), name);
            }
        }
    }

    private static void require(String text, String path) {
        if (!allowed(text)) {
            throw refusal(path.isEmpty() ? "body" : path);
        }
    }

    private static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
