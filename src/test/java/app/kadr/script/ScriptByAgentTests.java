package app.kadr.script;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.FakeAgent;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import app.kadr.support.VendorNeutral;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Script → shots by the smart-edit agent, whole: with an agent configured (an OpenAI-compatible chat server, faked by
 * WireMock), {@code POST /script} asks it for the shots in the module's JSON schema the way smart edit asks
 * ({@code response_format: {type: json_schema, json_schema: {name, strict: true, schema}}}, OpenAI's Structured
 * Outputs), the proposal is the agent's answer matched to the element library and says {@code byAgent}, and applying
 * it creates the shots in order with the new element the agent proposed. Without an agent the same script is read by
 * the offline rules ({@link ScriptApiTests}).
 */
@KadrTest
@VendorNeutral
class ScriptByAgentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCRIPT = """
            ИНТ. МАЯК — НОЧЬ

            Аня поднимается по лестнице. Капитан ждёт наверху.

            НАТ. ПРИЧАЛ — УТРО

            Капитан отвязывает лодку.
            """;

    @Autowired
    Studio studio;

    Studio.Person admin;
    Studio.Person person;
    String project;
    FakeAgent agent;

    @BeforeEach
    void aProjectWithAnyaAndAnAgent() {
        agent = new FakeAgent();
        admin = studio.newAdmin();
        Api.Response set = admin.api()
                .put(
                        "/api/v1/settings/agent",
                        Map.of("baseUrl", agent.url(), "model", "script-model", "apiKey", "sk-x", "selfHosted", true));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        person = studio.newPerson();
        project = studio.newProject(person, "Маяк");
        Api.Response anya = person.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "character", "handle", "Аня", "description", "рыжая, зелёный плащ"));
        assertThat(anya.status()).as(anya.toString()).isEqualTo(201);
    }

    @AfterEach
    void noAgentAgain() {
        admin.api().put("/api/v1/settings/agent", Map.of("baseUrl", ""));
        agent.close();
    }

    @Test
    void theAgentsStructuredAnswerBecomesTheProposalAndThenShotsInOrder() throws IOException {
        agent.answers(JSON.writeValueAsString(Map.of(
                "shots",
                List.of(
                        Map.of(
                                "title", "Маяк ночью",
                                "description", "Аня поднимается по винтовой лестнице маяка",
                                "durationSeconds", 4.5,
                                "camera", "снизу, медленный наезд",
                                "elements", List.of("Аня", "Капитан")),
                        Map.of(
                                "title", "Причал утром",
                                "description", "Капитан отвязывает лодку у причала",
                                "durationSeconds", 3,
                                "camera", "",
                                "elements", List.of("Капитан", "Призрак"))),
                "newElements",
                List.of(Map.of("handle", "Капитан", "name", "Капитан", "kind", "character")))));

        Api.Response proposed = person.api()
                .post("/api/v1/projects/" + project + "/script", Map.of("text", SCRIPT, "format", "fountain"));

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode proposal = proposed.json();
        assertThat(proposal.path("byAgent").asBoolean()).isTrue();
        List<JsonNode> shots = list(proposal.path("shots"));
        assertThat(shots).hasSize(2);
        assertThat(shots.get(0).path("title").asString()).isEqualTo("Маяк ночью");
        assertThat(shots.get(0).path("description").asString()).isEqualTo("Аня поднимается по винтовой лестнице маяка");
        assertThat(shots.get(0).path("durationMs").asLong()).isEqualTo(4500);
        assertThat(shots.get(0).path("camera").asString()).isEqualTo("снизу, медленный наезд");
        assertThat(texts(shots.get(0).path("elements"))).containsExactly("Аня", "Капитан");
        assertThat(texts(shots.get(1).path("elements")))
                .as("a name that is neither in the library nor proposed as new is not attached")
                .containsExactly("Капитан");
        assertThat(list(proposal.path("newElements")).stream()
                        .map(e -> e.path("handle").asString())
                        .toList())
                .containsExactly("Капитан");

        agent.verify(postRequestedFor(urlEqualTo(FakeAgent.COMPLETIONS))
                .withRequestBody(matchingJsonPath("$.model", equalTo("script-model")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("script_shots")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema", equalToJson(schema())))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("@Аня (character)")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Format: fountain")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Капитан отвязывает лодку"))));
        assertThat(storyboard())
                .as("nothing is created before the proposal is confirmed")
                .isEmpty();

        Api.Response applied = person.api()
                .post(
                        "/api/v1/projects/" + project + "/script/"
                                + proposal.path("id").asString() + "/apply",
                        Map.of("shots", JSON.convertValue(proposal.path("shots"), List.class)));

        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        List<JsonNode> created = storyboard();
        assertThat(created).hasSize(2);
        assertThat(created.get(0).path("title").asString()).isEqualTo("Маяк ночью");
        assertThat(created.get(0).path("number").asInt()).isEqualTo(1);
        assertThat(created.get(0).path("durationMs").asLong()).isEqualTo(4500);
        assertThat(created.get(1).path("title").asString()).isEqualTo("Причал утром");
        assertThat(created.get(1).path("number").asInt()).isEqualTo(2);
        JsonNode second = person.api()
                .get("/api/v1/shots/" + created.get(1).path("id").asString() + "/elements")
                .json();
        assertThat(texts(second.path("items"), "handle")).containsExactly("Капитан");
        assertThat(texts(
                        person.api()
                                .get("/api/v1/projects/" + project + "/elements")
                                .json()
                                .path("items"),
                        "handle"))
                .as("the agent's new element is created on confirming")
                .containsExactlyInAnyOrder("Аня", "Капитан");
    }

    @Test
    void anAgentThatFailsIsARussianProblemAndNoProposal() {
        agent.answersStatus(500);

        Api.Response proposed = person.api()
                .post("/api/v1/projects/" + project + "/script", Map.of("text", SCRIPT, "format", "fountain"));

        assertThat(proposed.status()).isEqualTo(502);
        assertThat(proposed.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(proposed.json().path("code").asString()).isEqualTo("agent_unavailable");
        assertThat(storyboard()).isEmpty();
    }

    private static String schema() throws IOException {
        try (InputStream in = ScriptByAgentTests.class.getResourceAsStream("/script/agent-schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<JsonNode> storyboard() {
        return list(person.api()
                .get("/api/v1/projects/" + project + "/shots")
                .json()
                .path("items"));
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
