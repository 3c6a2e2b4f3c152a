package app.kadr.catalog;

import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The models a fresh studio knows, read from {@code resources/catalog/*.yaml}: one file per provider, checked first
 * against the file format ({@code catalog/catalog.schema.json}), then model by model by the same {@link ModelRules}
 * an admin's request passes. A file that fails either check stops the start with a {@link Refused} naming the file,
 * the model and the field, rather than seeding a model no generation could use.
 */
@Component
class SeedFiles {

    /** A model of the seed and the provider it belongs to. */
    record Seed(ProviderKind kind, ModelDraft model) {}

    /** Why the catalog cannot be loaded, in Russian, with where: file, model (when known) and field. */
    static final class Refused extends IllegalStateException {
        Refused(String file, @Nullable String model, @Nullable String field, String reason) {
            super("Каталог моделей: файл " + file
                    + (model == null ? "" : ", модель «" + model + "»")
                    + (field == null || field.isEmpty() ? "" : ", поле " + field)
                    + " — " + reason);
        }
    }

    static final String FILES = "classpath*:catalog/*.yaml";
    private static final String FORMAT = "/catalog/catalog.schema.json";
    private static final String WORKFLOWS = "/catalog/workflows/";

    // Prices such as 0.0038 stay exact decimals; a double would store 0.0037999….
    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final Schema format;
    private final ModelRules rules;
    private final MessageSource messages;
    private final String files;

    @Autowired
    SeedFiles(JsonMapper json, MessageSource messages) {
        this(json, messages, FILES);
    }

    /** Files elsewhere than the application's own, as a resource pattern: for tests of broken files. */
    SeedFiles(JsonMapper json, MessageSource messages, String files) {
        this.files = files;
        this.rules = new ModelRules(json);
        this.messages = messages;
        try (InputStream in = resource(FORMAT)) {
            this.format = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every seed file of the application, in file name order; a model twice in one provider is refused. */
    List<Seed> all() {
        Resource[] found;
        try {
            found = new PathMatchingResourcePatternResolver().getResources(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.length == 0) {
            // A build that lost its resources must not start as a studio without models.
            throw new IllegalStateException("No seed files of the model catalog at " + files);
        }
        Arrays.sort(found, Comparator.comparing(Resource::getFilename));
        List<Seed> seeds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Resource file : found) {
            String name = "catalog/" + file.getFilename();
            String text;
            try (InputStream in = file.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Seed seed : read(name, text)) {
                if (!seen.add(seed.kind().code() + " " + seed.model().externalId())) {
                    throw new Refused(
                            name,
                            seed.model().externalId(),
                            "externalId",
                            "у провайдера " + seed.kind().code() + " эта модель уже описана.");
                }
                seeds.add(seed);
            }
        }
        return seeds;
    }

    /** The models of one file, every one checked; {@code file} is how messages name it. */
    List<Seed> read(String file, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JacksonException e) {
            throw new Refused(file, null, null, "это не YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new Refused(file, null, null, "файл пуст.");
        }
        List<Error> errors =
                format.validate(root, context -> context.executionConfig(config -> config.locale(Messages.RUSSIAN)));
        if (!errors.isEmpty()) {
            // A misspelt property also leaves a required one missing; the misspelling is what to fix.
            Error first = errors.stream()
                    .filter(e -> "additionalProperties".equals(e.getKeyword()))
                    .findFirst()
                    .orElse(errors.getFirst());
            throw refused(file, root, first);
        }
        ProviderKind kind = ProviderKind.of(root.get("provider").asString()).orElseThrow();
        List<Seed> seeds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : root.get("models")) {
            ObjectNode model = (ObjectNode) node;
            String externalId = model.get("externalId").asString();
            if (!seen.add(externalId)) {
                throw new Refused(file, externalId, "externalId", "эта модель в файле уже описана.");
            }
            if (model.has("workflow")) {
                model.put(
                        "workflow",
                        workflow(file, externalId, model.get("workflow").asString()));
            }
            try {
                ModelChanges changes = yaml.treeToValue(model, ModelChanges.class);
                seeds.add(new Seed(kind, rules.draft(changes, null, kind)));
            } catch (KadrException e) {
                throw new Refused(
                        file, externalId, e.field(), messages.getMessage(e.messageKey(), e.args(), Messages.RUSSIAN));
            }
        }
        return seeds;
    }

    /** The validator's first complaint, placed: which model of the list, and the field's path inside it. */
    private static Refused refused(String file, JsonNode root, Error error) {
        NodePath at = error.getInstanceLocation();
        List<String> path = new ArrayList<>();
        for (int i = 0; i < at.getNameCount(); i++) {
            path.add(at.getName(i));
        }
        // Required and unknown properties are reported on their parent; the property itself is what to fix.
        if (error.getProperty() != null) {
            path.add(error.getProperty());
        }
        String model = null;
        if (path.size() >= 2 && path.get(0).equals("models")) {
            JsonNode id =
                    root.path("models").path(Integer.parseInt(path.get(1))).path("externalId");
            model = id.isString() ? id.asString() : "№ " + (Integer.parseInt(path.get(1)) + 1);
            path = path.subList(2, path.size());
        }
        return new Refused(file, model, String.join(".", path), error.getMessage());
    }

    private static String workflow(String file, String model, String name) {
        try (InputStream in = SeedFiles.class.getResourceAsStream(WORKFLOWS + name)) {
            if (in == null) {
                throw new Refused(file, model, "workflow", "нет файла catalog/workflows/" + name + ".");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SeedFiles.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the application");
        }
        return in;
    }
}
