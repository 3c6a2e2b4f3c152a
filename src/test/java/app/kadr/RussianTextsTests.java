package app.kadr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** Every text a person reads comes from the Russian message bundles, and every key used there exists. */
class RussianTextsTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path SCRIPTS = Path.of("src/main/resources/static/js");

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    private static final Pattern PLURAL_KEY = Pattern.compile("@plurals\\.of\\([^,]+,\\s*'([a-z_.]+)'\\)");
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z_]+(?:\\.[a-z0-9_]+)+)\"");
    private static final Set<String> BUNDLE_PREFIXES = Set.of(
            "problem",
            "provider",
            "generation",
            "localengine",
            "login",
            "signup",
            "account",
            "token",
            "project",
            "projects",
            "trash",
            "storyboard",
            "shot",
            "asset",
            "upload",
            "box",
            "media",
            "nav",
            "common",
            "app",
            "error",
            "catalog",
            "passport",
            "share",
            "client",
            "comment",
            "comments",
            "smartedit",
            "lineage",
            "agent",
            "enhance",
            "batch");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> known = knownKeys();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            Matcher keys = TEMPLATE_KEY.matcher(text);
            while (keys.find()) {
                if (!known.contains(keys.group(1))) {
                    missing.add(template.getFileName() + ": " + keys.group(1));
                }
            }
            Matcher plurals = PLURAL_KEY.matcher(text);
            while (plurals.find()) {
                for (String form : List.of("one", "few", "many")) {
                    if (!known.contains(plurals.group(1) + "." + form)) {
                        missing.add(template.getFileName() + ": " + plurals.group(1) + "." + form);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> known = knownKeys();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher literals = JAVA_KEY.matcher(Files.readString(source));
                while (literals.find()) {
                    String key = literals.group(1);
                    if (BUNDLE_PREFIXES.contains(key.substring(0, key.indexOf('.'))) && !known.contains(key)) {
                        missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void shotStatusesAndAssetOriginsHaveLabels() throws IOException {
        Set<String> known = knownKeys();
        for (var status : app.kadr.storyboard.ShotStatus.values()) {
            assertThat(known).contains(status.labelKey());
        }
        assertThat(known).contains("asset.origin.upload", "asset.origin.generated");
    }

    @Test
    void templatesHardCodeNoText() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            Document page = Jsoup.parse(Files.readString(template));
            for (Element element : page.getAllElements()) {
                if (element.tagName().equals("script") || element.tagName().equals("style")) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (LETTER.matcher(text.text()).find()) {
                        hardCoded.add(
                                template.getFileName() + ": «" + text.text().strip() + "»");
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (LETTER.matcher(element.attr(attribute)).find()) {
                        hardCoded.add(template.getFileName() + ": " + attribute + "=" + element.attr(attribute));
                    }
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    @Test
    void scriptsTakeTheirTextsFromThePage() throws IOException {
        try (Stream<Path> scripts = Files.list(SCRIPTS)) {
            for (Path script : scripts.toList()) {
                assertThat(Files.readString(script)).as(script.toString()).doesNotContainPattern("[а-яА-ЯёЁ]");
            }
        }
    }

    @Test
    void bundlesAreValidUtf8WithoutDuplicateKeys() throws IOException {
        try (Stream<Path> bundles = Files.list(MESSAGES)) {
            for (Path bundle : bundles.toList()) {
                Set<String> seen = new TreeSet<>();
                for (String line : Files.readAllLines(bundle, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String key = line.substring(0, line.indexOf('=')).strip();
                    assertThat(seen.add(key)).as(bundle + " repeats " + key).isTrue();
                }
            }
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Set<String> knownKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> bundles = Files.list(MESSAGES)) {
            for (Path bundle : bundles.toList()) {
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                keys.addAll(properties.stringPropertyNames());
            }
        }
        return keys;
    }
}
