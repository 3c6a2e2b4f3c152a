package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralsTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "0,many",
        "1,one",
        "2,few",
        "4,few",
        "5,many",
        "11,many",
        "12,many",
        "14,many",
        "21,one",
        "22,few",
        "25,many",
        "101,one",
        "111,many",
        "152,few"
    })
    void russianCountsTakeTheRightForm(long count, String form) {
        assertThat(Plurals.form(count)).isEqualTo(form);
    }
}
