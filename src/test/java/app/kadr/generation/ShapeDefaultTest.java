package app.kadr.generation;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.project.ProjectFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeDefaultTest {

    private static final List<String> FAL_SIZES =
            List.of("square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9");

    @Test
    void aVerticalFilmStartsFromTheVerticalChoiceWhateverTheModelCallsIt() {
        ProjectFormat vertical = new ProjectFormat(24, "9:16");

        assertThat(ShapeDefault.among(FAL_SIZES, vertical)).contains("portrait_16_9");
        assertThat(ShapeDefault.among(List.of("1280x720", "1080x1920"), vertical))
                .contains("1080x1920");
        assertThat(ShapeDefault.among(List.of("16:9", "9:16"), vertical)).contains("9:16");
        assertThat(ShapeDefault.among(FAL_SIZES, new ProjectFormat(24, "1:1"))).contains("square_hd");
    }

    @Test
    void aModelWithoutTheFilmsShapeKeepsItsOwnDefault() {
        assertThat(ShapeDefault.among(List.of("auto", "16:9"), new ProjectFormat(24, "4:5")))
                .isEmpty();
    }
}
