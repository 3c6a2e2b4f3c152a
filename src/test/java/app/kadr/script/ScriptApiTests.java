package app.kadr.script;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Script → shots through the API with the offline rules (no agent is configured): a screenplay and a shot list become
 * proposals, nothing is created until the proposal is confirmed, and then the shots come in order with their cast.
 */
@KadrTest
class ScriptApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    String anya;

    @BeforeEach
    void aProjectWithAnya() {
        person = studio.newPerson();
        project = studio.newProject(person, "Маяк");
        Api.Response created = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "character", "handle", "Аня", "description", "рыжая, зелёный плащ"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        anya = created.id();
    }

    @Test
    void aFortySceneFountainScreenplayBecomesFortyShotsInOrderOnlyOnceConfirmed() {
        Api.Response proposed = propose(fountain(40), "fountain");

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode proposal = proposed.json();
        assertThat(proposal.path("byAgent").asBoolean()).isFalse();
        List<JsonNode> shots = list(proposal.path("shots"));
        assertThat(shots).hasSize(40);
        assertThat(shots.get(0).path("title").asString()).isEqualTo("ИНТ. МАЯК — НОЧЬ 1");
        assertThat(shots.get(1).path("title").asString()).isEqualTo("EXT. ПРИЧАЛ — DAY 2");
        assertThat(shots.get(39).path("title").asString()).isEqualTo("EXT. ПРИЧАЛ — DAY 40");
        assertThat(shots.get(0).path("description").asString())
                .as("action is the description; dialogue, transitions and the title page are not")
                .isEqualTo("Аня поднимается по винтовой лестнице, сцена 1. Ветер бьёт в стёкла.")
                .doesNotContain("CUT TO", "Кто здесь", "Title");
        assertThat(shots.get(0).path("camera").asString()).isEqualTo("КРУПНЫЙ ПЛАН: руки на перилах.");
        assertThat(texts(shots.get(0).path("elements"))).containsExactly("Аня");
        assertThat(texts(shots.get(2).path("elements")))
                .as("the captain speaks in every third scene and is proposed as a new element")
                .containsExactly("Аня", "Капитан");
        JsonNode captain = proposal.path("newElements").get(0);
        assertThat(captain.path("handle").asString()).isEqualTo("Капитан");
        assertThat(captain.path("uses").asInt()).isEqualTo(13);
        assertThat(texts(proposal.path("newElements"), "handle"))
                .as("the boatswain speaks once: not worth an element")
                .containsExactly("Капитан");
        assertThat(storyboard())
                .as("nothing is created before the proposal is confirmed")
                .isEmpty();

        List<Object> edited = new ArrayList<>(JSON.convertValue(proposal.path("shots"), List.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) edited.get(0);
        first.put("title", "Пролог на маяке");
        first.put("durationMs", 4500);
        Api.Response applied = apply(proposal.path("id").asString(), Map.of("shots", edited));

        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        List<JsonNode> created = storyboard();
        assertThat(created).hasSize(40);
        assertThat(created.get(0).path("title").asString()).isEqualTo("Пролог на маяке");
        assertThat(created.get(0).path("durationMs").asLong()).isEqualTo(4500);
        assertThat(created.get(0).path("description").asString())
                .isEqualTo("Аня поднимается по винтовой лестнице, сцена 1. Ветер бьёт в стёкла.\n"
                        + "Камера: КРУПНЫЙ ПЛАН: руки на перилах.");
        for (int i = 1; i < 40; i++) {
            assertThat(created.get(i).path("title").asString())
                    .isEqualTo(shots.get(i).path("title").asString());
            assertThat(created.get(i).path("number").asInt()).isEqualTo(i + 1);
        }
        JsonNode third = person.api()
                .get("/api/v1/shots/" + created.get(2).path("id").asString() + "/elements")
                .json();
        assertThat(texts(third.path("items"), "handle")).containsExactly("Аня", "Капитан");
        assertThat(third.path("items").get(0).path("byHand").asBoolean()).isTrue();
        Api.Response again = apply(proposal.path("id").asString(), Map.of("shots", edited));
        assertThat(again.status()).as("a proposal makes its shots once").isEqualTo(409);
        assertThat(storyboard()).hasSize(40);
    }

    @Test
    void aHundredAndFiftyRowShotListBecomesShotsInOrderAndItsExportReadsBackIntoTheSameList() {
        Api.Response proposed = propose(csv(150), "csv");

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode proposal = proposed.json();
        List<JsonNode> shots = list(proposal.path("shots"));
        assertThat(shots).hasSize(150);
        assertThat(shots.get(0).path("title").asString()).isEqualTo("Шот 1; пролог");
        assertThat(shots.get(0).path("description").asString()).isEqualTo("Аня у окна,\nвторая строка «в кавычках»");
        assertThat(shots.get(0).path("durationMs").asLong()).isEqualTo(2500);
        assertThat(texts(shots.get(0).path("elements"))).containsExactly("Аня");
        assertThat(shots.get(1).path("durationMs").isNull()).isTrue();
        assertThat(texts(shots.get(1).path("elements"))).containsExactly("Маяк");
        assertThat(proposal.path("newElements").get(0).path("handle").asString())
                .isEqualTo("Маяк");
        assertThat(shots.get(149).path("title").asString()).isEqualTo("Шот 150");
        Api.Response applied = apply(proposal.path("id").asString(), Map.of("shots", proposal.path("shots")));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(list(applied.json().path("shots"))).hasSize(150);
        List<JsonNode> created = storyboard();
        assertThat(created).hasSize(150);
        for (int i = 0; i < 150; i++) {
            assertThat(created.get(i).path("title").asString())
                    .isEqualTo(shots.get(i).path("title").asString());
        }

        Api.Response exported = person.api().get("/api/v1/projects/" + project + "/shots.csv");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(exported.headers().getContentDisposition().getFilename()).isEqualTo("shots.csv");
        byte[] bytes = exported.bytes();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
                .as("a UTF-8 byte order mark, for Excel")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String sheet = new String(bytes, StandardCharsets.UTF_8);
        assertThat(sheet.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFtitle;description;duration;elements;camera");

        String copy = studio.newProject(person, "Маяк, копия");
        Api.Response reread =
                person.api().post("/api/v1/projects/" + copy + "/script", Map.of("text", sheet, "format", "csv"));
        assertThat(reread.status()).as(reread.toString()).isEqualTo(201);
        assertThat(texts(reread.json().path("newElements"), "handle")).containsExactly("Аня", "Маяк");
        Api.Response copied = person.api()
                .post(
                        "/api/v1/projects/" + copy + "/script/"
                                + reread.json().path("id").asString() + "/apply",
                        Map.of("shots", reread.json().path("shots")));
        assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
        String copySheet = new String(
                person.api().get("/api/v1/projects/" + copy + "/shots.csv").bytes(), StandardCharsets.UTF_8);
        assertThat(copySheet).as("the shot list round-trips").isEqualTo(sheet);
    }

    @Test
    void badInputIsRefusedInRussianAndCreatesNothing() {
        assertRefused(propose("  \n ", "text"), "Вставьте текст сценария");
        assertRefused(propose("а".repeat(ScriptService.MAX_TEXT + 1), "text"), "Сценарий слишком длинный");
        assertRefused(propose("title;description\n\"Шот 1;не закрыта\n", "csv"), "CSV не читается");
        assertRefused(propose("title;description;duration\nШот;текст;долго\n", "csv"), "Строка 2: «долго»");
        assertRefused(propose("Шот", "docx"), "Формат сценария");
        assertRefused(propose("title;description\n;\n", "csv"), "ни одного шота");
        String id =
                propose("Первый шот.\n\nВторой шот.", "text").json().path("id").asString();
        assertRefused(apply(id, Map.of("shots", List.of())), "Не осталось ни одного шота");
        assertRefused(
                apply(
                        id,
                        Map.of(
                                "shots",
                                List.of(
                                        Map.of("title", "Первый"),
                                        Map.of("title", "Второй", "elements", List.of("@Незнакомец"))))),
                "Элемента @Незнакомец нет");
        assertRefused(apply(id, Map.of("shots", List.of(Map.of("title", "Долгий", "durationMs", 10)))), "Шот 1");
        assertThat(storyboard()).as("a refused confirmation creates no shot").isEmpty();
        assertThat(apply(id, Map.of("shots", List.of(Map.of("title", "Первый"))))
                        .status())
                .as("and leaves the proposal to be confirmed again")
                .isEqualTo(201);
    }

    @Test
    void someoneElsesProjectAndProposalAreNotThere() {
        String id = propose("Первый шот.", "text").json().path("id").asString();
        Studio.Person stranger = studio.newPerson();
        String theirs = studio.newProject(stranger, "Чужой");

        assertThat(stranger.api()
                        .post("/api/v1/projects/" + project + "/script", Map.of("text", "Шот", "format", "text"))
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post(
                                "/api/v1/projects/" + project + "/script/" + id + "/apply",
                                Map.of("shots", List.of(Map.of("title", "x"))))
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .post(
                                "/api/v1/projects/" + theirs + "/script/" + id + "/apply",
                                Map.of("shots", List.of(Map.of("title", "x"))))
                        .status())
                .as("a proposal belongs to its project")
                .isEqualTo(404);
        assertThat(stranger.api()
                        .get("/api/v1/projects/" + project + "/shots.csv")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.api()
                        .get("/api/v1/projects/" + project + "/script/" + id)
                        .status())
                .isEqualTo(404);
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/script/" + id)
                        .status())
                .isEqualTo(200);
    }

    /** A screenplay of {@code scenes} scenes: a title page, headings, action, dialogue, a camera line, transitions. */
    static String fountain(int scenes) {
        StringBuilder script = new StringBuilder("Title: Маяк\nAuthor: Тест\n\n");
        for (int i = 1; i <= scenes; i++) {
            script.append(i % 2 == 1 ? "ИНТ. МАЯК — НОЧЬ " + i : "EXT. ПРИЧАЛ — DAY " + i)
                    .append("\n\n");
            script.append("Аня поднимается по винтовой лестнице, сцена ")
                    .append(i)
                    .append(".\n");
            script.append("Ветер бьёт в стёкла.\n\n");
            if (i == 1) {
                script.append("КРУПНЫЙ ПЛАН: руки на перилах.\n\n");
            }
            script.append("АНЯ\n(шёпотом)\nКто здесь?\n\n");
            if (i % 3 == 0) {
                script.append("КАПИТАН (V.O.)\nДержись!\n\n");
            }
            if (i == 5) {
                script.append("БОЦМАН\nШторм идёт.\n\n");
            }
            script.append("CUT TO:\n\n");
        }
        return script.toString();
    }

    /** A shot list of {@code rows} rows with «;», quotes, a line break in a cell and decimal commas. */
    static String csv(int rows) {
        StringBuilder sheet = new StringBuilder("title;description;duration;elements\n");
        sheet.append("\"Шот 1; пролог\";\"Аня у окна,\nвторая строка «в кавычках»\";2,5;@Аня\n");
        for (int i = 2; i <= rows; i++) {
            sheet.append("Шот ")
                    .append(i)
                    .append(";Маяк в шторм, волна ")
                    .append(i)
                    .append(';')
                    .append(i % 2 == 0 ? "" : (i % 10) + 1)
                    .append(';')
                    .append(i % 2 == 0 ? "Маяк" : "@Аня, Маяк")
                    .append('\n');
        }
        return sheet.toString();
    }

    private Api.Response propose(String text, String format) {
        return person.api().post("/api/v1/projects/" + project + "/script", Map.of("text", text, "format", format));
    }

    private Api.Response apply(String proposal, Map<String, ?> body) {
        return person.api().post("/api/v1/projects/" + project + "/script/" + proposal + "/apply", body);
    }

    private List<JsonNode> storyboard() {
        return list(person.api()
                .get("/api/v1/projects/" + project + "/shots")
                .json()
                .path("items"));
    }

    private static void assertRefused(Api.Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.text()).contains(message);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return list(array).stream().map(n -> n.path(field).asString()).toList();
    }
}
