package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The studio's stylesheets, scripts and images are linked by a hash of their content and kept by browsers for a year;
 * the WebJars are found by name; the links of a page that are not files are written as they are.
 */
@KadrTest
class StaticFilesTests {

    @Autowired
    Studio studio;

    @Test
    void aPageLinksItsStylesheetAndScriptsByContentHashAndThoseAreKeptForAYear() {
        Studio.Person person = studio.newPerson();
        String project = studio.newProject(person, "Статика");
        Document page = Jsoup.parse(person.api()
                .get("/projects/" + project, Map.of("Accept", "text/html"))
                .text());

        String css = page.select("link[rel=stylesheet][href^=/css/kadr]").attr("href");
        String js = page.select("script[src^=/js/kadr]").attr("src");
        assertThat(css).matches("/css/kadr-[0-9a-f]{32}\\.css");
        assertThat(page.select("script[src*=htmx]").attr("src"))
                .as("a WebJar is linked with its version, so a year's cache never outlives an upgrade")
                .matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js");
        assertThat(js).matches("/js/kadr-[0-9a-f]{32}\\.js");
        for (String file : new String[] {css, js, page.select("link[rel=icon]").attr("href")}) {
            Api.Response served = person.api().anonymous().get(file);
            assertThat(served.status()).as(file).isEqualTo(200);
            assertThat(served.headers().getCacheControl()).as(file).contains("max-age=31536000", "public");
        }
        assertThat(page.select("a[href=/projects/" + project + "/elements]"))
                .as("a link that is no file is left as written")
                .isNotEmpty();
        assertThat(person.api().anonymous().get("/css/kadr.css").status())
                .as("the plain name answers too")
                .isEqualTo(200);
    }

    @Test
    void webJarsAreFoundWithoutTheirVersionAndAMissingFileIs404() {
        Api anonymous = studio.newPerson().api().anonymous();

        Api.Response htmx = anonymous.get("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.text()).contains("htmx");
        assertThat(anonymous.get("/css/nothing-here.css").status()).isEqualTo(404);
        assertThat(anonymous.get("/kadr.css").status())
                .as("files are only under their folders")
                .isIn(302, 401, 404);
    }

    @Test
    void theApiPageIsServedWithKadrsOwnApiOnly() {
        Api anonymous = studio.newPerson().api().anonymous();

        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
        Api.Response setup = anonymous.get("/swagger-ui/swagger-initializer.js");
        assertThat(setup.status()).isEqualTo(200);
        assertThat(setup.text()).contains("/v3/api-docs/swagger-config").doesNotContain("petstore");
    }
}
