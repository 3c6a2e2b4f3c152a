package app.kadr;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.shared.OwnedKind;
import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Another person's things do not exist for you: every address, API and pages alike, that names one answers 404. The
 * addresses and the kinds come from the application itself (its request mappings, {@link OwnedKind}), so a new
 * endpoint or a new kind is covered, or this fails, without editing the test.
 */
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
        String upload = owner.api()
                .post(
                        "/api/v1/shots/" + shot + "/uploads",
                        Map.of("fileName", "frame.png", "size", 10, "contentType", "image/png"))
                .string("uploadId");
        // A batch runs over shots with a description: the shot's is its prompt.
        owner.api().patch("/api/v1/shots/" + shot, Map.of("description", "Кот на подоконнике"));
        String batch = owner.api()
                .post(
                        "/api/v1/projects/" + project + "/batches",
                        Map.of(
                                "shotIds", java.util.List.of(shot),
                                "modelId", studio.localModel(owner, "local/draft"),
                                "count", 1))
                .string("id");
        String element = owner.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "character", "handle", "Кот", "referenceAssetIds", java.util.List.of(asset)))
                .id();
        String export = owner.api()
                .post("/api/v1/projects/" + project + "/exports", Map.of("kind", "handoff"))
                .string("id");
        Map<OwnedKind, String> ids = Map.ofEntries(
                Map.entry(OwnedKind.PROJECT, project),
                Map.entry(OwnedKind.SHOT, shot),
                Map.entry(OwnedKind.ASSET, asset),
                Map.entry(OwnedKind.GENERATION, generation),
                Map.entry(OwnedKind.DIRECT_UPLOAD, upload),
                Map.entry(OwnedKind.SHARE_LINK, link.path("id").asString()),
                Map.entry(OwnedKind.COMMENT, comment),
                Map.entry(OwnedKind.API_TOKEN, token),
                Map.entry(OwnedKind.BATCH, batch),
                Map.entry(OwnedKind.ELEMENT, element),
                Map.entry(OwnedKind.EXPORT, export));
        assertThat(ids.keySet())
                .as("an example of every kind a person owns (a new kind needs one here)")
                .containsExactlyInAnyOrder(OwnedKind.values());
        Map<String, String> byVariable = new HashMap<>();
        ids.forEach((kind, id) -> {
            assertThat(UUID.fromString(id)).as(kind + " made by the owner").isNotNull();
            byVariable.put(kind.pathVariable(), id);
        });
        return byVariable;
    }

    /**
     * Path variables that name nothing a person owns, with a value for each: the catalog's models and providers are
     * everyone's (changing them is admin-only, see AdminOnlyTests), a share link's token and media reference are the
     * client's (sharing.LeakTests), a variant is a file's size.
     */
    private static final Map<String, String> NOT_OWNED = Map.of(
            "variant",
            "original",
            "modelId",
            UUID.randomUUID().toString(),
            "providerId",
            UUID.randomUUID().toString(),
            "token",
            "x",
            "ref",
            "x",
            // a shot as a share link names it: the link's token is the access check
            "shotRef",
            "x",
            // a script proposal is reached only through its project, whose ownership is checked first
            "proposalId",
            UUID.randomUUID().toString());

    @Test
    void everyPathVariableEitherNamesAnOwnedKindOrIsKnownNotTo() {
        Set<String> owned =
                Arrays.stream(OwnedKind.values()).map(OwnedKind::pathVariable).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(mapping -> {
            for (String pattern : mapping.getPatternValues()) {
                variables(pattern).stream()
                        .filter(variable -> !owned.contains(variable) && !NOT_OWNED.containsKey(variable))
                        .forEach(variable -> unknown.add(variable + " in " + pattern));
            }
        });
        assertThat(unknown)
                .as("a new path variable names an OwnedKind (with its AccessRule) or is listed in NOT_OWNED")
                .isEmpty();
    }

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
                            "{" + variable + "}", owned.getOrDefault(variable, NOT_OWNED.getOrDefault(variable, "x")));
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
