package app.kadr.generation;

import java.util.Arrays;
import java.util.Optional;

/** Where a generation stands; people see «Ожидание», «В работе», «Готово», «Ошибка», «Отменено». */
public enum GenerationStatus {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED;

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String labelKey() {
        return "generation.status." + apiName();
    }

    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    public static Optional<GenerationStatus> of(String apiName) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(apiName)).findFirst();
    }
}
