package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Nothing technical leaks through a share link: every address the client's page and the public API name is
 * fetched, and no prompt, seed, model, file name, asset id, embedded text of an image or name of the software that
 * encoded a file shows up in any response, pictures, clips and full-quality renditions included.
 */
@KadrTest
class LeakTests {

    static final String PROMPT = "LEAKPROMPT киберпанк-лама в тумане";
    static final long SEED = 918_273_645L;
    static final String SECRET = "LEAKSECRET-tEXt-7Qz";
    static final String PNG_NAME = "LEAKFILE-исходник-города.png";
    static final String VIDEO_NAME = "LEAKFILE-погоня-raw.mp4";
    static final String OTHER_NAME = "LEAKFILE-дубль-2.jpg";

    /** What ffmpeg, its libraries and x264 write into a file unless told not to, and what a generator's tools do. */
    static final List<String> SOFTWARE = List.of("Lavf", "Lavc", "x264", "libx264", "ffmpeg", "FFmpeg");

    @Autowired
    Studio studio;

    @Test
    void noPromptSeedModelFileNameAssetIdOrEmbeddedTextReachesTheClient() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Фильм для клиента");
        String dawn = studio.newShot(owner, project, "Рассвет");
        String city = studio.newShot(owner, project, "Город");
        String chase = studio.newShot(owner, project, "Погоня");
        studio.newShot(owner, project, "Финал");
        List<String> forbidden = new ArrayList<>(List.of(PROMPT, String.valueOf(SEED), SECRET, "original"));
        forbidden.addAll(SOFTWARE);
        for (String name : List.of(PNG_NAME, VIDEO_NAME, OTHER_NAME)) {
            forbidden.add(name);
            forbidden.add(name.substring(0, name.lastIndexOf('.')));
        }

        String modelId = studio.localModel(owner, "local/draft");
        JsonNode model = owner.api().get("/api/v1/models/" + modelId).json();
        forbidden.add(model.path("externalId").asString());
        forbidden.add(model.path("name").asString());
        forbidden.add(modelId);
        Api.Response started = owner.api()
                .post(
                        "/api/v1/shots/" + dawn + "/generations",
                        Map.of("modelId", modelId, "prompt", PROMPT, "params", Map.of("seed", SEED), "count", 1));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode generation =
                studio.awaitGeneration(owner, started.json().get(0).path("id").asString());
        assertThat(generation.path("status").asString())
                .as(generation.toString())
                .isEqualTo("done");
        forbidden.add(generation.path("id").asString());
        String generated = generation.path("assetIds").get(0).asString();
        studio.awaitProcessed(owner, generated);
        Sharing.makeHeadliner(owner, dawn, generated);
        forbidden.add(generated);

        String png = Sharing.headliner(studio, owner, city, PNG_NAME, pngWithText(SECRET));
        forbidden.add(png);
        assertThat(contains(
                        owner.api()
                                .get("/api/v1/assets/" + png + "/content/original")
                                .bytes(),
                        SECRET))
                .as("the owner's original keeps its text chunk; only what the client gets is clean")
                .isTrue();
        String other = studio.upload(owner, city, new Api.NamedBytes(OTHER_NAME, Samples.jpeg(800, 600)))
                .getFirst();
        forbidden.add(other);
        studio.awaitProcessed(owner, other);
        Api.Response offered =
                owner.api().put("/api/v1/shots/" + city + "/candidates", Map.of("assetIds", List.of(png, other)));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        forbidden.add(Sharing.headliner(studio, owner, chase, VIDEO_NAME, Samples.video("mp4", 2)));

        String token = Sharing.newLink(owner, project).path("token").asString();
        PublicClient client = new PublicClient(studio.baseUrl());
        Sharing.awaitRenditions(client, token);
        assertThat(client.post(
                                "/api/v1/public/" + token + "/shots/" + city + "/comments",
                                Map.of("authorName", "Клиент", "text", "Город хорош"))
                        .status())
                .isEqualTo(201);
        Set<String> urls = new LinkedHashSet<>(
                List.of("/s/" + token, "/api/v1/public/" + token, "/api/v1/public/" + token + "/comments"));

        PublicClient.Answer page = client.get("/s/" + token);
        urls.add("/s/" + token + "/play");
        Document html = Jsoup.parse(page.text());
        html.appendChild(Jsoup.parse(client.get("/s/" + token + "/play").text()).body());
        for (Element element : html.getAllElements()) {
            for (String attribute :
                    List.of("src", "href", "data-src", "data-preview", "data-large", "poster", "data-poster")) {
                String value = element.attr(attribute);
                if (value.startsWith("/")) {
                    urls.add(value);
                }
            }
        }
        JsonNode view = client.get("/api/v1/public/" + token).json();
        List<JsonNode> media = new ArrayList<>();
        for (JsonNode shot : view.path("shots")) {
            media.add(shot.path("headliner"));
            shot.path("review").path("candidates").forEach(candidate -> media.add(candidate.path("media")));
        }
        for (JsonNode files : media) {
            for (String field : List.of("thumbUrl", "previewUrl", "hoverUrl", "reviewUrl", "largeUrl")) {
                if (files.path(field).isString()) {
                    urls.add(files.path(field).asString());
                }
            }
        }
        assertThat(view.path("shots")).hasSize(4);
        assertThat(view.path("shots").get(3).path("headliner").isNull()).isTrue();
        assertThat(urls.stream().filter(url -> url.contains("/media/")))
                .as(
                        "thumb, preview and full-quality rendition of three headliners, thumb and preview of the second"
                                + " candidate (the first is the city's headliner: same files, same address), and the video's clip")
                .hasSize(12);

        Map<String, PublicClient.Answer> answers = new java.util.LinkedHashMap<>();
        for (String url : urls) {
            answers.put("GET " + url, client.get(url));
        }
        String shotPath = "/api/v1/public/" + token + "/shots/" + city;
        answers.put(
                "PUT " + shotPath + "/approval",
                client.put(shotPath + "/approval", Map.of("decision", "changes", "comment", "Светлее")));
        answers.put(
                "PUT " + shotPath + "/pick",
                client.put(
                        shotPath + "/pick",
                        Map.of(
                                "candidateRef",
                                view.path("shots")
                                        .get(1)
                                        .path("review")
                                        .path("candidates")
                                        .get(0)
                                        .path("ref")
                                        .asString(),
                                "reason",
                                "Ближе к брифу")));
        answers.put("GET /s/" + token + " answered", client.get("/s/" + token));
        answers.put("GET /api/v1/public/" + token + " answered", client.get("/api/v1/public/" + token));
        answers.forEach((call, answer) -> {
            assertThat(answer.status()).as(call).isEqualTo(200);
            for (String secret : forbidden) {
                assertThat(contains(answer.bytes(), secret))
                        .as("%s must not carry «%s»", call, secret)
                        .isFalse();
            }
        });
        assertThat(page.text()).contains("Фильм для клиента", "Рассвет", "Город", "Погоня", "Финал");
    }

    /** A real PNG with a text chunk, as image tools write captions and generation settings. */
    static byte[] pngWithText(String text) {
        byte[] png = Sharing.png();
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        out.write(png, 0, afterHeader);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, afterHeader, png.length - afterHeader);
        byte[] result = out.toByteArray();
        assertThat(contains(result, text)).isTrue();
        return result;
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - bytes.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
