package app.kadr.script;

import app.kadr.element.Element;
import app.kadr.smartedit.StructuredAgent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a script into proposed shots: by the smart-edit agent when one is configured (its answer in this module's
 * JSON schema), else by the offline rules of the format. Either way the names are matched to the element library
 * here, so the agent cannot attach an element the project does not have.
 */
@Component
class ScriptReader {

    /** What was read, and whether the agent read it. */
    record Reading(CastMatcher.Cast cast, boolean byAgent) {}

    private final StructuredAgent agent;
    private final JsonNode schema;
    private final String system;

    ScriptReader(StructuredAgent agent, JsonMapper json) {
        this.agent = agent;
        this.schema = json.readTree(resource("agent-schema.json"));
        this.system = resource("agent-system.txt");
    }

    Reading read(String script, ScriptFormat format, List<Element> library) {
        CastMatcher matcher = new CastMatcher(library);
        Optional<JsonNode> answer = agent.ask(system, userMessage(script, format, library), "script_shots", schema);
        if (answer.isEmpty()) {
            return new Reading(matcher.match(offline(script, format)), false);
        }
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        for (JsonNode element : answer.get().path("newElements")) {
            CastMatcher.handleOf(element.path("handle").asString(""))
                    .ifPresent(handle -> kinds.put(
                            app.kadr.element.Handle.key(handle),
                            element.path("kind").asString("character")));
        }
        return new Reading(matcher.match(drafts(answer.get()), kinds), true);
    }

    static List<Draft> offline(String script, ScriptFormat format) {
        return switch (format) {
            case FOUNTAIN -> FountainReader.read(script);
            case CSV -> ShotListCsv.read(script);
            case TEXT -> PlainTextReader.read(script);
        };
    }

    /** The agent's shots as drafts; its new elements count only where its shots name them (the matcher decides). */
    private static List<Draft> drafts(JsonNode answer) {
        List<Draft> drafts = new ArrayList<>();
        for (JsonNode shot : answer.path("shots")) {
            List<String> names = new ArrayList<>();
            shot.path("elements").forEach(name -> names.add(name.asString("")));
            double seconds = shot.path("durationSeconds").asDouble(0);
            long ms = Math.round(seconds * 1000);
            drafts.add(new Draft(
                    shot.path("title").asString("").strip(),
                    shot.path("description").asString("").strip(),
                    Durations.valid(ms) ? ms : null,
                    shot.path("camera").asString("").strip(),
                    names));
        }
        return drafts;
    }

    private static String userMessage(String script, ScriptFormat format, List<Element> library) {
        StringBuilder user = new StringBuilder("Element library:\n");
        if (library.isEmpty()) {
            user.append("(empty)\n");
        }
        for (Element element : library) {
            user.append('@')
                    .append(element.handle())
                    .append(" (")
                    .append(element.kind())
                    .append("): ")
                    .append(element.name())
                    .append('\n');
        }
        return user.append("\nFormat: ")
                .append(format.apiName())
                .append("\n\nScript:\n")
                .append(script)
                .toString();
    }

    private static String resource(String name) {
        try (InputStream in = ScriptReader.class.getResourceAsStream("/script/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
