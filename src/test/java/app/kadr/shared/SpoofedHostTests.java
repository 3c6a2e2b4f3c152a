package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.SpoofedHost;
import app.kadr.support.Studio;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Without {@code KADR_PUBLIC_URL} the studio does not know its own address, and a request's {@code Host} header is
 * written by whoever sends it: links are paths (a browser resolves them against where it really is) and so are
 * redirects. A spoofed Host never appears in an answer.
 */
@KadrTest
class SpoofedHostTests {

    @Autowired
    Studio studio;

    @Test
    void aShareLinkIsAPathAndRedirectsArePaths() {
        SpoofedHost attacker = new SpoofedHost(studio.baseUrl());
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Без адреса");
        String bearer = "Bearer " + owner.token();

        SpoofedHost.Answer link =
                attacker.postJson("/api/v1/projects/" + project + "/share-links", "{}", "Authorization", bearer);
        SpoofedHost.Answer signedOut = attacker.get("/trash");
        SpoofedHost.Answer created = attacker.send(
                "POST",
                "/projects",
                "application/x-www-form-urlencoded",
                "name=Redirect".getBytes(StandardCharsets.UTF_8),
                "Authorization",
                bearer);

        assertThat(link.status()).as(link.text()).isEqualTo(201);
        assertThat(link.json().path("url").asString())
                .isEqualTo("/s/" + link.json().path("token").asString());
        assertThat(signedOut.header("Location")).isEqualTo("/login");
        assertThat(created.header("Location")).startsWith("/projects/");
        assertThat(link.text() + signedOut.headers() + created.headers()).doesNotContain(SpoofedHost.HOST);
    }
}
