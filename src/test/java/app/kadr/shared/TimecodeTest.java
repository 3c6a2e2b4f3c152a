package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimecodeTest {

    @Test
    void smpteCountsWholeFramesAtTheFilmsRate() {
        assertThat(Timecode.smpte(3_500, 24)).isEqualTo("00:00:03:12");
        assertThat(Timecode.smpte(3_500, 25)).isEqualTo("00:00:03:12");
        assertThat(Timecode.smpte(3_999, 30)).isEqualTo("00:00:03:29");
        assertThat(Timecode.smpte(3_723_000, 24)).isEqualTo("01:02:03:00");
    }

    @Test
    void labelsAreShortAndRussian() {
        assertThat(Timecode.clock(7_900)).isEqualTo("0:07");
        assertThat(Timecode.clock(750_000)).isEqualTo("12:30");
        assertThat(Timecode.clock(3_723_000)).isEqualTo("1:02:03");
        assertThat(Timecode.seconds(3_000)).isEqualTo("3 с");
        assertThat(Timecode.seconds(3_500)).isEqualTo("3,5 с");
    }
}
