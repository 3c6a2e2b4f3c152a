package app.kadr.element;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A character's voice: a note in words and an audio take of its project as a sample, versioned like the rest. */
@KadrTest
class ElementVoiceTests {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");
    private static final String NOTE = "низкий, хрипловатый, говорит медленно";

    @Autowired
    Studio studio;

    Studio.Person person;
    String project;
    String shot;
    String voice;
    String picture;

    @BeforeEach
    void aProjectWithAVoiceTakeAndAPicture() {
        person = studio.newPerson();
        project = studio.newProject(person, "Маяк");
        shot = studio.newShot(person, project, "Берег");
        voice = studio.upload(person, shot, new Api.NamedBytes("голос Ани.mp3", Samples.audio("mp3", 1)))
                .getFirst();
        picture = studio.upload(person, shot, new Api.NamedBytes("anya.png", Samples.png(32, 32)))
                .getFirst();
        studio.awaitProcessed(person, voice);
    }

    @Test
    void aCharacterKeepsAVoiceNoteAndASampleAndEveryChangeIsANewVersion() {
        Api.Response created =
                create(Map.of("kind", "character", "handle", "Аня", "voiceNote", NOTE, "voiceAssetId", voice));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode anya = created.json();
        assertThat(anya.path("voiceNote").asString()).isEqualTo(NOTE);
        assertThat(anya.path("voiceAssetId").asString()).isEqualTo(voice);
        assertThat(anya.path("voiceUrl").asString()).startsWith("/api/v1/assets/" + voice + "/content/");
        String id = created.id();

        JsonNode slower = person.api()
                .patch("/api/v1/elements/" + id, Map.of("voiceNote", "шёпотом"))
                .json();
        assertThat(slower.path("version").asInt()).isEqualTo(2);
        assertThat(slower.path("voiceNote").asString()).isEqualTo("шёпотом");
        assertThat(slower.path("voiceAssetId").asString())
                .as("a field left out keeps its value")
                .isEqualTo(voice);
        JsonNode silent = person.api()
                .patch("/api/v1/elements/" + id, Map.of("voiceAssetId", ""))
                .json();
        assertThat(silent.path("version").asInt()).isEqualTo(3);
        assertThat(silent.path("voiceAssetId").isNull())
                .as("an empty sample takes it away")
                .isTrue();
        assertThat(silent.path("voiceNote").asString()).isEqualTo("шёпотом");
        assertThat(person.api()
                        .patch("/api/v1/elements/" + id, Map.of("voiceNote", "шёпотом"))
                        .json()
                        .path("version")
                        .asInt())
                .as("the same note again changes nothing")
                .isEqualTo(3);
        JsonNode first = person.api()
                .get("/api/v1/elements/" + id + "/versions")
                .json()
                .path("items")
                .get(2);
        assertThat(first.path("voiceNote").asString()).isEqualTo(NOTE);
        assertThat(first.path("voiceAssetId").asString()).isEqualTo(voice);
    }

    @Test
    void aSampleMustBeAnAudioTakeOfTheCharactersOwnProjectAndOnlyACharacterHasAVoice() {
        String otherProject = studio.newProject(person, "Другой фильм");
        String otherVoice = studio.upload(
                        person,
                        studio.newShot(person, otherProject, "Сцена"),
                        new Api.NamedBytes("чужой.mp3", Samples.audio("mp3", 1)))
                .getFirst();
        Studio.Person stranger = studio.newPerson();
        String strangersVoice = studio.upload(
                        stranger,
                        studio.newShot(stranger, studio.newProject(stranger, "Чужой"), "Чужой"),
                        new Api.NamedBytes("x.mp3", Samples.audio("mp3", 1)))
                .getFirst();

        Map<String, Api.Response> refusals = new HashMap<>();
        refusals.put("picture", create(Map.of("kind", "character", "handle", "Аня", "voiceAssetId", picture)));
        refusals.put("other project", create(Map.of("kind", "character", "handle", "Аня", "voiceAssetId", otherVoice)));
        refusals.put(
                "stranger's", create(Map.of("kind", "character", "handle", "Аня", "voiceAssetId", strangersVoice)));
        refusals.put("not an id", create(Map.of("kind", "character", "handle", "Аня", "voiceAssetId", "голос")));

        refusals.forEach((why, refused) -> {
            assertThat(refused.status()).as(why + ": " + refused).isEqualTo(400);
            assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
            assertThat(refused.string("field")).isEqualTo("voiceAssetId");
            assertThat(refused.string("detail"))
                    .isEqualTo("Образцом голоса может быть только звуковой дубль из этого проекта.");
        });
        Api.Response lighthouse = create(Map.of("kind", "location", "handle", "Маяк", "voiceNote", NOTE));
        assertThat(lighthouse.status()).isEqualTo(400);
        assertThat(lighthouse.string("detail")).isEqualTo("Голос бывает только у персонажа.");
        assertThat(person.api()
                        .get("/api/v1/projects/" + project + "/elements")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void theElementPagePlaysTheVoiceAndTheEditFormChangesIt() {
        String id = create(Map.of("kind", "character", "handle", "Аня", "voiceNote", NOTE, "voiceAssetId", voice))
                .id();

        Document page = page("/elements/" + id);
        assertThat(page.select(".element-voice-shown p").text()).isEqualTo(NOTE);
        String sample = page.select("audio#element-voice").attr("src");
        assertThat(sample).startsWith("/api/v1/assets/" + voice + "/content/");
        assertThat(person.api().get(sample).status()).isEqualTo(200);

        Document form = page("/elements/" + id + "/edit");
        assertThat(form.select("input[name=voiceNote]").val()).isEqualTo(NOTE);
        assertThat(form.select("select[name=voiceAssetId] option[selected]").val())
                .isEqualTo(voice);
        assertThat(form.select("select[name=voiceAssetId] option").eachAttr("value"))
                .as("the project's audio takes, the picture not among them")
                .containsExactly("", voice);

        Api.Response saved = person.api()
                .form(
                        "/elements/" + id + "/edit",
                        Map.of("kind", "character", "handle", "Аня", "voiceNote", "звонкий", "voiceAssetId", ""));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode anya = person.api().get("/api/v1/elements/" + id).json();
        assertThat(anya.path("voiceNote").asString()).isEqualTo("звонкий");
        assertThat(anya.path("voiceAssetId").isNull()).isTrue();
        assertThat(page("/elements/" + id).select("audio")).isEmpty();
    }

    private Api.Response create(Map<String, Object> body) {
        return person.api().post("/api/v1/projects/" + project + "/elements", body);
    }

    private Document page(String path) {
        Api.Response response = person.api().get(path, HTML);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return Jsoup.parse(response.text());
    }
}
