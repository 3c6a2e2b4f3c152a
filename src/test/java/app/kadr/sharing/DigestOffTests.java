package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.JsonNode;

/** Without KADR_SMTP_HOST (the studio every other test runs) the digest is off: no sender, no job runs, no rows. */
@KadrTest
class DigestOffTests {

    @Autowired
    Studio studio;

    @Autowired
    ApplicationContext context;

    @Autowired
    ClientDigest digest;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutAnSmtpHostTheStudioStartsWithNoMailSenderAndTheDigestDoesNothing() {
        assertThat(context.getBeanProvider(DigestMail.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable())
                .isNull();
        assertThat(context.containsBean("clientDigestTask")).isTrue();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ?")
                        .param(DigestJob.TASK)
                        .query(Integer.class)
                        .single())
                .as("the job is known but never scheduled")
                .isZero();

        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Без почты");
        String shot = studio.newShot(owner, project, "Кадр");
        JsonNode link = Sharing.newLink(owner, project);
        PublicClient.Answer posted = new PublicClient(studio.baseUrl())
                .post(
                        "/api/v1/public/" + link.path("token").asString() + "/comments",
                        Map.of("shotRef", shot, "authorName", "Ирина", "text", "Светлее"));
        assertThat(posted.status()).isEqualTo(201);

        assertThat(digest.run()).isZero();
        assertThat(jdbc.sql("select count(*) from client_digests")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
