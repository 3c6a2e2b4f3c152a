package app.kadr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Api.NamedBytes;
import app.kadr.support.KadrTest;
import app.kadr.support.Samples;
import app.kadr.support.SpoofedHost;
import app.kadr.support.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With {@code KADR_PUBLIC_URL} set, every link the studio builds starts with it, whatever {@code Host} header a
 * request carries: share links, direct-upload addresses, the passport's file links. Redirects are paths.
 */
@KadrTest
@TestPropertySource(properties = "kadr.public-url=https://kadr.example.org/")
class PublicUrlTests {

    private static final String PUBLIC = "https://kadr.example.org";

    @Autowired
    Studio studio;

    SpoofedHost attacker;
    Studio.Person owner;
    String project;
    String shot;

    @BeforeEach
    void aProject() {
        attacker = new SpoofedHost(studio.baseUrl());
        owner = studio.newPerson();
        project = studio.newProject(owner, "Адреса");
        shot = studio.newShot(owner, project, "Шот");
    }

    @Test
    void aShareLinkUsesThePublicAddressNotTheHostHeader() {
        SpoofedHost.Answer created = attacker.postJson("/api/v1/projects/" + project + "/share-links", "{}", bearer());
        SpoofedHost.Answer listed = attacker.get("/api/v1/projects/" + project + "/share-links", bearer());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String token = created.json().path("token").asString();
        assertThat(created.json().path("url").asString()).isEqualTo(PUBLIC + "/s/" + token);
        assertThat(listed.json().path("items").get(0).path("url").asString()).isEqualTo(PUBLIC + "/s/" + token);
        assertThat(listed.text()).doesNotContain(SpoofedHost.HOST);
    }

    @Test
    void aDirectUploadAndThePassportUseThePublicAddress() {
        String take = studio.upload(owner, shot, new NamedBytes("кадр.png", Samples.png(20, 20)))
                .getFirst();

        SpoofedHost.Answer ticket = attacker.postJson(
                "/api/v1/shots/" + shot + "/uploads",
                "{\"fileName\":\"a.png\",\"size\":10,\"contentType\":\"image/png\"}",
                bearer());
        SpoofedHost.Answer passport = attacker.get("/api/v1/projects/" + project + "/passport.json", bearer());

        assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
        assertThat(ticket.json().path("url").asString()).startsWith(PUBLIC + "/api/v1/uploads/");
        JsonNode row = passport.json().path("rows").get(0);
        assertThat(row.path("fileUrl").asString()).startsWith(PUBLIC + "/api/v1/assets/" + take + "/content/original");
    }

    @Test
    void redirectsArePaths() {
        SpoofedHost.Answer signedOut = attacker.get("/projects/" + project);
        SpoofedHost.Answer created = attacker.send(
                "POST",
                "/projects",
                "application/x-www-form-urlencoded",
                "name=Redirect".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                bearer());

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location")).isEqualTo("/login");
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.header("Location")).startsWith("/projects/");
    }

    private String[] bearer() {
        return new String[] {"Authorization", "Bearer " + owner.token()};
    }
}
