package app.kadr.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The name a downloaded passport is saved under. */
class DownloadNameTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void aRussianTitleKeepsItsLettersAndGetsATransliteratedAsciiTwin() {
        DownloadName name = DownloadName.of("Лесная сказка: Щука и Ёж!", "паспорт", DAY, "csv");

        assertThat(name.unicode()).isEqualTo("Лесная-сказка-Щука-и-Ёж-паспорт-2026-11-27.csv");
        assertThat(name.ascii()).isEqualTo("Lesnaya-skazka-Shchuka-i-Ezh-pasport-2026-11-27.csv");
    }

    @Test
    void theHeaderCarriesBothNamesPerRfc6266() {
        DownloadName name = DownloadName.of("Кот", "паспорт", DAY, "xlsx");

        assertThat(name.contentDisposition())
                .isEqualTo(
                        "attachment; filename=\"Kot-pasport-2026-11-27.xlsx\"; "
                                + "filename*=UTF-8''%D0%9A%D0%BE%D1%82-%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82-2026-11-27.xlsx");
    }

    @Test
    void pathsQuotesAndControlCharactersNeverReachTheName() {
        DownloadName name = DownloadName.of("../../etc/\"passwd\"\r\nX-Evil: 1", "паспорт", DAY, "json");

        assertThat(name.ascii()).isEqualTo("etc-passwd-X-Evil-1-pasport-2026-11-27.json");
        assertThat(name.unicode()).isEqualTo("etc-passwd-X-Evil-1-паспорт-2026-11-27.json");
        assertThat(name.contentDisposition()).doesNotContain("\r", "\n", "/");
    }

    @Test
    void aTitleOfOnlySymbolsOrOtherScriptsStillGivesAName() {
        assertThat(DownloadName.of("***", "паспорт", DAY, "csv").ascii()).isEqualTo("pasport-2026-11-27.csv");
        assertThat(DownloadName.of("東京", "паспорт", DAY, "csv").ascii()).isEqualTo("pasport-2026-11-27.csv");
        assertThat(DownloadName.of("東京", "паспорт", DAY, "csv").unicode()).isEqualTo("東京-паспорт-2026-11-27.csv");
        assertThat(DownloadName.of("Café crème", "паспорт", DAY, "csv").ascii())
                .isEqualTo("Cafe-creme-pasport-2026-11-27.csv");
    }

    @Test
    void aVeryLongTitleIsCut() {
        DownloadName name = DownloadName.of("Очень ".repeat(40), "паспорт", DAY, "csv");

        assertThat(name.unicode().length()).isLessThan(100);
        assertThat(name.unicode()).doesNotContain("--").endsWith("-паспорт-2026-11-27.csv");
    }
}
