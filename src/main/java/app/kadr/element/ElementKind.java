package app.kadr.element;

import app.kadr.shared.KadrException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** What an element is; its API name and the key of its Russian label. */
public enum ElementKind {
    CHARACTER("character"),
    LOCATION("location"),
    PROP("prop"),
    STYLE("style");

    private final String apiName;

    ElementKind(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public String labelKey() {
        return "element.kind." + apiName;
    }

    static ElementKind parse(@Nullable String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.apiName.equals(value == null ? "" : value.strip()))
                .findFirst()
                .orElseThrow(() -> KadrException.invalid("kind", "element.kind.invalid"));
    }

    static ElementKind of(String apiName) {
        return parse(apiName);
    }
}
