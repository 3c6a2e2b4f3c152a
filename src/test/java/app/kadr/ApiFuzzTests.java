package app.kadr;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.RawHttp;
import app.kadr.support.Samples;
import app.kadr.support.Studio;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of malformed requests over every write endpoint the API documents at {@code /v3/api-docs}, as a
 * person who owns a project, a shot, a take, a share link and a comment, so that ids resolve: wrong types,
 * control and right-to-left characters, megabyte strings, huge numbers, broken JSON, odd {@code Accept} and
 * {@code Content-Type}, broken multipart. Not one may fail with 5xx; every error is Russian problem+json; and
 * an error writes nothing. The run is seeded ({@code -Dkadr.fuzz.seed=…} repeats one) and prints its seed.
 */
@KadrTest
class ApiFuzzTests {

    private static final int REQUESTS = 1600;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII) // so a lone surrogate travels as \\ud800
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Tables whose rows a failed request may legitimately change: a wrong password is an attempt the throttle counts,
     * and a module's event row goes when its listeners have run, in the background, whichever request is on the wire.
     */
    private static final Set<String> WRITTEN_BY_DESIGN = Set.of("throttle_events", "event_publication");

    private static final List<String> EVIL_TEXTS = List.of(
            "a\u0000b",
            "\u0001",
            "x\u001b[31m",
            "\u007f",
            "\u0085",
            "\ud800",
            "a\udc00",
            "\u202eевил\u202c",
            "\u200f\u05e9\u05dc\u05d5\u05dd",
            "\ufeff",
            "😀🎬",
            "' or 1=1 --",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "",
            "   ",
            "%00",
            "\\u0000");
    private static final List<String> ACCEPTS = List.of(
            "application/xml",
            "%%%",
            "text/html",
            "image/png",
            "text/plain",
            "application/json;q=0",
            ";;;",
            "*/*;q=abc",
            "application/xml, text/xml;q=0.9",
            "text/event-stream");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "%%%",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "application/json; charset=nonsense",
            "application/octet-stream",
            "image/png");

    @Autowired
    Studio studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler jobs;

    record Operation(String method, String path, @Nullable JsonNode jsonSchema, boolean multipart) {}

    record Sent(String method, String path, byte @Nullable [] body, String[] headers, String mutation) {}

    @Test
    void noMalformedRequestFailsWith5xxAnswersOutsideProblemJsonOrWritesARow() {
        long seed = Long.getLong("kadr.fuzz.seed", System.nanoTime());
        System.out.println("ApiFuzzTests seed: " + seed + " (repeat with -Dkadr.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Fixture fixture = new Fixture();
        JsonNode docs = JSON.readTree(studio.api().get("/v3/api-docs").bytes());
        List<Operation> operations = writeOperations(docs);
        assertThat(operations).as("write endpoints in the API document").hasSizeGreaterThan(30);

        List<Sent> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            requests.add(mutate(operation, docs, fixture, random));
        }
        // Deleting first would leave the later requests nothing to find.
        requests.sort(Comparator.comparing(sent -> sent.method().equals("DELETE")));

        // From an address of its own: the many failed logins must not throttle the next tests' logins from 127.0.0.1.
        RawHttp http = new RawHttp(studio.baseUrl().replace("localhost", "127.0.0.2"));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> tables = tables();
        assertThat(tables)
                .as("tables watched")
                .contains("projects", "batches", "elements", "exports", "direct_uploads");
        jobs.pause(); // nothing but the requests themselves may add rows while they are counted
        try {
            Map<String, Long> before = counts(tables);
            for (Sent sent : requests) {
                RawHttp.Answer answer = http.send(sent.method(), sent.path(), sent.body(), sent.headers());
                statuses.merge(answer.status(), 1, Integer::sum);
                Map<String, Long> after = counts(tables);
                String what = sent.mutation() + " " + sent.method() + " " + sent.path() + " → " + answer;
                if (answer.status() >= 500) {
                    failures.add("5xx: " + what);
                } else if (answer.status() >= 400) {
                    if (!answer.isRussianProblem()) {
                        failures.add("not Russian problem+json: " + what);
                    }
                    List<String> changed = changedByAnError(before, after, sent.path());
                    if (!changed.isEmpty()) {
                        failures.add("rows written by an error in " + changed + " (" + before + " → " + after + "): "
                                + what);
                    }
                }
                before = after;
            }
        } finally {
            jobs.resume();
        }
        System.out.println("ApiFuzzTests statuses: " + statuses);
        assertThat(failures)
                .as("seed " + seed + ", " + failures.size() + " failures, first ones")
                .isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
    }

    /** What a person owns, so that the ids in paths and bodies resolve. */
    class Fixture {
        final Studio.Person owner = studio.newPerson();
        final String project = studio.newProject(owner, "Фазз");
        final String shot = studio.newShot(owner, project, "Шот");
        final String asset = studio.upload(owner, shot, new Api.NamedBytes("кадр.png", Samples.png(32, 24)))
                .getFirst();
        final String model = studio.localModel(owner, "local/draft");
        final JsonNode link = owner.api()
                .post("/api/v1/projects/" + project + "/share-links", Map.of())
                .json();
        final String comment = owner.api()
                .post(
                        "/api/v1/public/" + link.path("token").asString() + "/shots/" + shot + "/comments",
                        Map.of("authorName", "Анна", "text", "Ярче"))
                .id();
        final String generation;
        final String spareToken;
        final String element = owner.api()
                .post(
                        "/api/v1/projects/" + project + "/elements",
                        Map.of("kind", "character", "handle", "Аня", "description", "рыжая, в зелёном плаще"))
                .id();
        final String upload = owner.api()
                .post(
                        "/api/v1/shots/" + shot + "/uploads",
                        Map.of("fileName", "дубль.mp4", "size", 1000, "contentType", "video/mp4"))
                .string("uploadId");
        final String batch;

        Fixture() {
            studio.awaitProcessed(owner, asset);
            Api.Response started = owner.api()
                    .post("/api/v1/shots/" + shot + "/generations", Map.of("modelId", model, "prompt", "кот"));
            generation = started.json().get(0).path("id").asString();
            studio.awaitGeneration(owner, generation);
            owner.api().patch("/api/v1/shots/" + shot, Map.of("description", "кот на крыше"));
            JsonNode batched = owner.api()
                    .post(
                            "/api/v1/projects/" + project + "/batches",
                            Map.of("shotIds", List.of(shot), "modelId", model, "count", 1))
                    .json();
            batch = batched.path("id").asString();
            // Its generation ends before the counting starts, so that no job adds a row meanwhile.
            batched.path("generations")
                    .forEach(item ->
                            studio.awaitGeneration(owner, item.path("id").asString()));
            spareToken = owner.api()
                    .post(
                            "/api/v1/auth/tokens",
                            Map.of("username", owner.username(), "password", Studio.PASSWORD, "name", "запасной"))
                    .string("id");
        }

        String id(String name) {
            return switch (name) {
                case "projectId" -> project;
                case "shotId", "shotRef" -> shot;
                case "assetId" -> asset;
                case "generationId" -> generation;
                case "commentId" -> comment;
                case "linkId" -> link.path("id").asString();
                case "token" -> link.path("token").asString();
                case "tokenId" -> spareToken;
                case "modelId" -> model;
                case "elementId" -> element;
                case "uploadId" -> upload;
                case "batchId" -> batch;
                default -> UUID.randomUUID().toString();
            };
        }
    }

    private static List<Operation> writeOperations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        for (var path : docs.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode content = operation.getValue().path("requestBody").path("content");
                JsonNode json = content.path("application/json").path("schema");
                boolean multipart = content.has("multipart/form-data");
                operations.add(new Operation(method, path.getKey(), json.isMissingNode() ? null : json, multipart));
            }
        }
        return operations;
    }

    private static Sent mutate(Operation operation, JsonNode docs, Fixture fixture, Random random) {
        String path = resolvePath(operation.path(), fixture);
        String auth = "Bearer " + fixture.owner.token();
        if (operation.multipart()) {
            return brokenUpload(operation, path, auth, random);
        }
        JsonNode valid = operation.jsonSchema() == null
                ? NODES.objectNode()
                : example(operation.jsonSchema(), docs, fixture, random, 0);
        int kind = random.nextInt(11);
        return switch (kind) {
            case 0, 1 -> json(operation, path, auth, withField(valid, random, wrongType(random)), "wrong type");
            case 2, 3 -> json(operation, path, auth, withField(valid, random, evilText(random)), "evil text");
            case 4 -> json(operation, path, auth, withField(valid, random, hugeValue(random)), "huge value");
            case 5 -> raw(operation, path, auth, badJson(random), "application/json", "bad json");
            case 6 -> send(operation, path, write(valid), "application/json", auth, "Accept", pick(ACCEPTS, random));
            case 7 -> raw(operation, path, auth, write(valid), pick(CONTENT_TYPES, random), "odd content type");
            case 8 -> json(operation, pathWithBadId(operation.path(), fixture, random), auth, valid, "bad id");
            case 9 -> raw(operation, path, auth, write(valid), "application/json", "no token", false);
            default -> json(operation, path, auth, withField(valid, random, evilKey(random)), "odd object");
        };
    }

    private static Sent json(Operation operation, String path, String auth, JsonNode body, String mutation) {
        return raw(operation, path, auth, write(body), "application/json", mutation);
    }

    private static Sent raw(Operation operation, String path, String auth, byte[] body, String type, String mutation) {
        return raw(operation, path, auth, body, type, mutation, true);
    }

    private static Sent raw(
            Operation operation, String path, String auth, byte[] body, String type, String mutation, boolean token) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", type));
        if (token) {
            headers.addAll(List.of("Authorization", auth));
        }
        return new Sent(operation.method(), path, body, headers.toArray(String[]::new), mutation + " (" + type + ")");
    }

    private static Sent send(
            Operation operation, String path, byte[] body, String type, String auth, String header, String value) {
        return new Sent(
                operation.method(),
                path,
                body,
                new String[] {"Content-Type", type, "Authorization", auth, header, value},
                header + ": " + value);
    }

    private static String resolvePath(String template, Fixture fixture) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                return path.append(template.substring(at)).toString();
            }
            int close = template.indexOf('}', open);
            path.append(template, at, open).append(fixture.id(template.substring(open + 1, close)));
            at = close + 1;
        }
    }

    private static String pathWithBadId(String template, Fixture fixture, Random random) {
        if (!template.contains("{")) {
            return resolvePath(template, fixture) + "?x=" + pick(List.of("%01", "%E2%80%AE", "a".repeat(9000)), random);
        }
        String bad = pick(List.of("not-a-uuid", UUID.randomUUID().toString(), "%01", "..%2F..", "я", "0"), random);
        int open = template.indexOf('{');
        int close = template.indexOf('}', open);
        return resolvePath(template.substring(0, open) + bad + template.substring(close + 1), fixture);
    }

    /** A body that the schema allows, with real ids where a field names one. */
    private static JsonNode example(JsonNode schema, JsonNode docs, Fixture fixture, Random random, int depth) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
            return example(docs.path("components").path("schemas").path(name), docs, fixture, random, depth);
        }
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "string" ->
                NODES.stringNode(
                        "uuid".equals(schema.path("format").asString())
                                ? fixture.asset
                                : "Кадр " + random.nextInt(100));
            case "integer" -> NODES.numberNode(1 + random.nextInt(3));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode items = NODES.arrayNode();
                items.add(example(schema.path("items"), docs, fixture, random, depth + 1));
                yield items;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (var property : schema.path("properties").properties()) {
                    JsonNode value = example(property.getValue(), docs, fixture, random, depth + 1);
                    object.set(property.getKey(), idFor(property.getKey(), fixture, value));
                }
                yield object;
            }
        };
    }

    private static JsonNode idFor(String field, Fixture fixture, JsonNode value) {
        return switch (field) {
            case "modelId" -> NODES.stringNode(fixture.model);
            case "shotIds" -> NODES.arrayNode().add(fixture.shot);
            case "sourceAssetIds" -> NODES.arrayNode().add(fixture.asset);
            case "headlinerAssetId" -> NODES.stringNode(fixture.asset);
            default -> value;
        };
    }

    private static JsonNode withField(JsonNode valid, Random random, JsonNode value) {
        if (!valid.isObject()) {
            return value;
        }
        ObjectNode body = ((ObjectNode) valid).deepCopy();
        List<String> names = new ArrayList<>(body.propertyNames());
        String name = names.isEmpty() || random.nextInt(5) == 0 ? "extra" : pick(names, random);
        body.set(name, value);
        return body;
    }

    private static JsonNode wrongType(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(123);
            case 1 -> NODES.booleanNode(true);
            case 2 -> NODES.objectNode().put("a", 1);
            case 3 -> NODES.arrayNode().add("x").add(2);
            case 4 -> NODES.nullNode();
            case 5 -> NODES.stringNode("не то");
            default -> NODES.numberNode(-1);
        };
    }

    private static JsonNode evilText(Random random) {
        String text = pick(EVIL_TEXTS, random);
        return random.nextInt(4) == 0 ? NODES.arrayNode().add(text) : NODES.stringNode(text);
    }

    private static JsonNode hugeValue(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.stringNode("я".repeat(random.nextInt(3) == 0 ? 500_000 : 5_000));
            case 1 -> NODES.numberNode(new java.math.BigInteger("9".repeat(40)));
            case 2 -> NODES.numberNode(1e308);
            case 3 -> NODES.numberNode(Long.MIN_VALUE);
            case 4 -> NODES.numberNode(-2147483649L);
            default -> {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    many.add(UUID.randomUUID().toString());
                }
                yield many;
            }
        };
    }

    private static JsonNode evilKey(Random random) {
        ObjectNode object = NODES.objectNode();
        object.put(pick(EVIL_TEXTS, random), pick(EVIL_TEXTS, random));
        return object;
    }

    private static byte[] badJson(Random random) {
        String text = switch (random.nextInt(12)) {
            case 0 -> "{";
            case 1 -> "{\"name\":";
            case 2 -> "[]";
            case 3 -> "null";
            case 4 -> "\"строка\"";
            case 5 -> "{\"a\":1}}";
            case 6 -> "";
            case 7 -> "{\"name\":\"\\u00\"}";
            case 8 -> "[".repeat(5000) + "]".repeat(5000);
            case 9 -> "{\"name\":\"a\",\"name\":\"b\"}";
            case 10 -> "{'name': 'одинарные'}";
            default -> "{\"name\":\"Клип\"}";
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            ByteArrayOutputStream broken = new ByteArrayOutputStream();
            broken.writeBytes(bytes);
            broken.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3});
            return broken.toByteArray();
        }
        return bytes;
    }

    private static Sent brokenUpload(Operation operation, String path, String auth, Random random) {
        String boundary = "fuzz" + random.nextInt(1000);
        String name = random.nextInt(3) == 0 ? "кадр\u0000.png" : "я".repeat(random.nextInt(3000)) + ".png";
        byte[] content = random.nextBoolean() ? Samples.png(8, 8) : new byte[random.nextInt(64)];
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String part = pick(List.of("file", "files", "", "file\u0000"), random);
        int parts = random.nextInt(8) == 0 ? 60 : 1;
        for (int i = 0; i < parts; i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                            + name + "\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        String type = "multipart/form-data; boundary=" + boundary;
        String mutation;
        switch (random.nextInt(5)) {
            case 0 -> mutation = "no closing boundary";
            case 1 -> {
                type = "multipart/form-data";
                mutation = "no boundary";
            }
            case 2 -> {
                body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                return send(operation, path, body.toByteArray(), type, auth, "Accept", pick(ACCEPTS, random));
            }
            case 3 -> {
                type = "multipart/form-data; boundary=other";
                mutation = "wrong boundary";
            }
            default -> {
                body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                mutation = "upload of " + parts + " part(s) named «" + part + "»";
            }
        }
        return raw(operation, path, auth, body.toByteArray(), type, mutation);
    }

    private static byte[] write(JsonNode body) {
        return JSON.writeValueAsBytes(body);
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    /**
     * The tables whose row count an error changed. One change is the point of its error: a refused confirm of a
     * direct upload (wrong size, not the file it claims to be) deletes the upload with its bytes.
     */
    private static List<String> changedByAnError(Map<String, Long> before, Map<String, Long> after, String path) {
        return before.keySet().stream()
                .filter(table -> !after.get(table).equals(before.get(table)))
                .filter(table -> !(table.equals("direct_uploads")
                        && path.endsWith("/confirm")
                        && after.get(table) == before.get(table) - 1))
                .toList();
    }

    /** Every table of the studio's schema, so that a module added later is watched without editing this test. */
    private List<String> tables() {
        return jdbc.sql("""
                        select lower(table_name) from information_schema.tables
                        where lower(table_schema) = lower(current_schema) and table_type in ('BASE TABLE', 'TABLE')
                        order by 1""").query(String.class).list().stream()
                .filter(table -> !WRITTEN_BY_DESIGN.contains(table))
                .toList();
    }

    private Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}
