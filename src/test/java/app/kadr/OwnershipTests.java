package app.kadr;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Another person's project, shot or asset does not exist for you: every address answers 404. */
@KadrTest
class OwnershipTests {

    @Autowired
    Studio studio;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Studio.Person owner;
    Studio.Person stranger;
    String project;
    String shot;
    String asset;

    @BeforeEach
    void anOwnerWithAProjectAShotAndAnAsset() {
        owner = studio.newPerson();
        stranger = studio.newPerson();
        project = studio.newProject(owner, "Личный проект");
        shot = studio.newShot(owner, project, "Личный шот");
        Api.Response upload = owner.api()
                .upload("/api/v1/shots/" + shot + "/assets", new Api.NamedBytes("frame.png", Samples.png(64, 48)));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        asset = upload.json().get(0).path("id").asString();
    }

    /** The path variables that name something a person owns, and the owner's value of each. */
    private Map<String, String> ownedIds() {
        String generation = owner.api()
                .post(
                        "/api/v1/shots/" + shot + "/generations",
                        Map.of("modelId", studio.localModel(owner, "local/draft"), "prompt", "кот"))
                .json()
                .get(0)
                .path("id")
                .asString();
        studio.awaitGeneration(owner, generation);
        JsonNode link = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", Map.of())
                .json();
        String comment = owner.api()
                .post(
                        "/api/v1/public/" + link.path("token").asString() + "/shots/" + shot + "/comments",
                        Map.of("authorName", "Анна", "text", "Ярче"))
                .id();
        String token =
                owner.api().get("/api/v1/me/tokens").json().get(0).path("id").asString();
        return Map.of(
                "projectId", project,
                "shotId", shot,
                "assetId", asset,
                "generationId", generation,
                "linkId", link.path("id").asString(),
                "commentId", comment,
                "tokenId", token);
    }

    /** Values for the other path variables, which name nothing a person owns. */
    private static final Map<String, String> OTHER_VARIABLES = Map.of("variant", "original");

    record Call(HttpMethod method, String path, boolean multipart) {}

    /**
     * Every address of the application, as its own request mappings list them, that names an owned thing: a new
     * endpoint is covered the day it is added. Share links' public addresses ({token}) are the client's, tested
     * in sharing.LeakTests.
     */
    private List<Call> everyAddress(Map<String, String> owned) {
        List<Call> calls = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            for (String pattern : mapping.getPatternValues()) {
                List<String> variables = variables(pattern);
                if (variables.stream().noneMatch(owned::containsKey) || variables.contains("token")) {
                    continue;
                }
                String path = pattern;
                for (String variable : variables) {
                    path = path.replace(
                            "{" + variable + "}",
                            owned.getOrDefault(variable, OTHER_VARIABLES.getOrDefault(variable, "x")));
                }
                Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
                boolean multipart = Arrays.stream(handler.getMethodParameters())
                        .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestPart.class));
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    calls.add(new Call(method.asHttpMethod(), path, multipart));
                }
            }
        });
        calls.sort(Comparator.comparing(Call::path)
                .thenComparing(call -> call.method().name()));
        return calls;
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static @Nullable Object bodyFor(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.DELETE ? null : Map.of();
    }

    @TestFactory
    Stream<DynamicTest> everyAddressOfAnotherPersonsThingsAnswers404() {
        List<Call> calls = everyAddress(ownedIds());
        assertThat(calls).as("addresses found in the request mappings").hasSizeGreaterThan(60);
        return calls.stream()
                .map(call -> DynamicTest.dynamicTest(call.method() + " " + call.path(), () -> {
                    Api.Response answer = call.multipart()
                            ? stranger.api().upload(call.path(), new Api.NamedBytes("x.png", Samples.png(8, 8)))
                            : stranger.api().request(call.method(), call.path(), bodyFor(call.method()));
                    assertThat(answer.status()).as(call + " → " + answer).isEqualTo(404);
                }));
    }

    @TestFactory
    Stream<DynamicTest> theOwnerStillHasEverythingAfterwards() {
        return Stream.of(
                DynamicTest.dynamicTest(
                        "project",
                        () -> assertThat(owner.api()
                                        .get("/api/v1/projects/" + project)
                                        .string("name"))
                                .isEqualTo("Личный проект")),
                DynamicTest.dynamicTest(
                        "upload into a stranger's shot",
                        () -> assertThat(stranger.api()
                                        .upload(
                                                "/api/v1/shots/" + shot + "/assets",
                                                new Api.NamedBytes("x.png", Samples.png(8, 8)))
                                        .status())
                                .isEqualTo(404)));
    }
}
