package app.kadr.sharing;

import app.kadr.shared.Messages;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A published version of a project's storyboard, as its owner names it: «Версия 3» of a day. */
@Schema(description = "Опубликованная версия раскадровки")
public record PublishedVersion(
        @Schema(description = "Номер версии в проекте, с 1") int version,
        @Schema(description = "Когда опубликована") Instant publishedAt) {

    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM", Messages.RUSSIAN).withZone(ZoneId.systemDefault());

    /** The day it was published, as «12 декабря». */
    @JsonIgnore
    public String day() {
        return DAY.format(publishedAt);
    }
}
