package app.kadr.smartedit;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.smartedit.OfflineRules.Kind;
import org.junit.jupiter.api.Test;

/** Without an AI agent, common requests in Russian and English still rewrite the prompt, replacing old values. */
class OfflineRulesTests {

    private final OfflineRules rules = new OfflineRules();

    private String rewrite(String prompt, String request) {
        return rules.rewrite(prompt, request).prompt();
    }

    @Test
    void aFocalLengthReplacesTheOldOneInsteadOfAddingASecond() {
        assertThat(rewrite("a man on a bridge, 24mm lens, evening", "use a 35mm lens"))
                .isEqualTo("a man on a bridge, 35mm lens, evening");
        assertThat(rewrite("мужчина на мосту, объектив 24 мм, вечер", "сделай камеру 35мм"))
                .isEqualTo("мужчина на мосту, объектив 35 мм, вечер");
    }

    @Test
    void aFocalLengthIsAddedInThePromptsLanguageWhenThereWasNone() {
        assertThat(rewrite("a lighthouse on a cliff", "сделай камеру 85мм"))
                .isEqualTo("a lighthouse on a cliff, shot on a 85mm lens");
        assertThat(rewrite("маяк на скале", "85mm lens")).isEqualTo("маяк на скале, снято на объектив 85 мм");
    }

    @Test
    void replaceDayWithEveningChangesTheTimeOfDay() {
        var result = rules.rewrite("city street in daytime, crowds, neon signs", "замени день на вечер");

        assertThat(result.prompt()).isEqualTo("city street in evening, crowds, neon signs");
        assertThat(result.steps()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(Kind.CHANGED);
            assertThat(step.subject()).isEqualTo("timeOfDay");
            assertThat(step.from()).isEqualTo("daytime");
        });
    }

    @Test
    void aTimeOfDayInEnglish() {
        assertThat(rewrite("a forest road at sunset, deer", "make it night")).isEqualTo("a forest road at night, deer");
        assertThat(rewrite("лесная дорога на закате", "сделай рассвет")).isEqualTo("лесная дорога на рассвет");
    }

    @Test
    void weatherReplacesTheOldWeather() {
        assertThat(rewrite("поле подсолнухов, солнечно, дети", "пусть идёт дождь"))
                .isEqualTo("поле подсолнухов, дождь, дети");
        assertThat(rewrite("a harbour, sunny, boats", "make it foggy")).isEqualTo("a harbour, fog, boats");
    }

    @Test
    void aSeasonReplacesTheOldSeason() {
        assertThat(rewrite("лес летом, олени", "сделай зиму")).isEqualTo("лес зима, олени");
        assertThat(rewrite("a park in summer, benches", "autumn instead of summer"))
                .isEqualTo("a park in autumn, benches");
    }

    @Test
    void aCameraAngleReplacesTheOldAngle() {
        assertThat(rewrite("portrait of a knight, eye-level shot", "сними снизу"))
                .isEqualTo("portrait of a knight, low-angle shot");
        assertThat(rewrite("город, вид сверху", "dutch angle")).isEqualTo("город, голландский угол");
    }

    @Test
    void aShotSizeReplacesTheWholeOldShotSize() {
        assertThat(rewrite("wide shot of a castle on a hill", "крупный план"))
                .isEqualTo("close-up of a castle on a hill");
        assertThat(rewrite("extreme close-up of an eye, tears", "medium shot"))
                .isEqualTo("medium shot of an eye, tears");
    }

    @Test
    void aStyleReplacesTheOldStyle() {
        assertThat(rewrite("photorealistic, a cat on a windowsill", "в стиле акварели"))
                .isEqualTo("watercolor painting, a cat on a windowsill");
        assertThat(rewrite("кот на подоконнике", "in the style of Hokusai"))
                .isEqualTo("кот на подоконнике, в стиле Hokusai");
    }

    @Test
    void replaceXWithYSwapsTheWordsEvenWhenInflected() {
        assertThat(rewrite("a red car on a wet road", "replace car with bicycle"))
                .isEqualTo("a red bicycle on a wet road");
        assertThat(rewrite("красная машина на мокрой дороге", "замени машину на велосипед"))
                .isEqualTo("красная велосипед на мокрой дороге");
        assertThat(rewrite("a red car", "замени лошадь на корову")).isEqualTo("a red car, корову instead of лошадь");
    }

    @Test
    void addADetail() {
        assertThat(rewrite("a man on a bridge.", "add a red umbrella")).isEqualTo("a man on a bridge, a red umbrella");
        assertThat(rewrite("мужчина на мосту", "добавь шляпу")).isEqualTo("мужчина на мосту, шляпу");
    }

    @Test
    void removeADetailOrAskForItsAbsence() {
        assertThat(rewrite("a man with a hat, street, rain", "remove the hat")).isEqualTo("a man, street, rain");
        assertThat(rewrite("мужчина в шляпе, улица", "убери шляпу")).isEqualTo("мужчина, улица");
        assertThat(rewrite("мужчина, улица", "убери зонт")).isEqualTo("мужчина, улица, без зонт");
    }

    @Test
    void anAspectRatioBecomesAParameterAndLeavesThePromptAlone() {
        var vertical = rules.rewrite("a tower", "сделай вертикально");
        assertThat(vertical.prompt()).isEqualTo("a tower");
        assertThat(vertical.paramChanges()).containsEntry("aspectRatio", "9:16");
        assertThat(rules.rewrite("a tower", "make it 4/3").paramChanges()).containsEntry("aspectRatio", "4:3");
    }

    @Test
    void severalPropertiesInOneRequest() {
        assertThat(rewrite("a street at day, sunny, 24mm", "night, rain, 50mm"))
                .isEqualTo("a street at night, rain, 50mm");
    }

    @Test
    void anythingElseIsAppendedAsAPlainInstruction() {
        var result = rules.rewrite("девочка с котом", "сделай грустнее");
        assertThat(result.prompt()).isEqualTo("девочка с котом, изменение: сделай грустнее");
        assertThat(result.steps()).extracting(OfflineRules.Step::kind).containsExactly(Kind.CLAUSE);
        assertThat(rewrite("a girl with a cat", "more melancholic"))
                .isEqualTo("a girl with a cat, change: more melancholic");
    }
}
