package app.kadr.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The e-mail digest of clients' answers (issue 14, item 6) against a real SMTP server (GreenMail, with a login): the
 * owner gets one Russian letter with every new comment and answer, a way to the inbox, and nothing twice.
 */
@KadrTest
@ExtendWith(OutputCaptureExtension.class)
class ClientDigestTests {

    static final String PASSWORD = "smtp-Пароль-42";

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        smtp.setUser("kadr@studio.example", "kadr", PASSWORD);
        smtp.start();
    }

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("kadr.smtp.host", () -> "127.0.0.1");
        registry.add("kadr.smtp.port", () -> smtp.getSmtp().getPort());
        registry.add("kadr.smtp.username", () -> "kadr");
        registry.add("kadr.smtp.password", () -> PASSWORD);
        registry.add("kadr.smtp.from", () -> "kadr@studio.example");
        registry.add("kadr.smtp.to", () -> "owner@studio.example");
        // The job itself would run an hour from now; the test runs it by hand.
        registry.add("kadr.smtp.interval", () -> "1h");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    Studio studio;

    @Autowired
    ClientDigest digest;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoCommentsAndAnAnswerMakeOneRussianLetterAndNothingGoesTwice(CapturedOutput output) throws Exception {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Реклама сока");
        String dawn = studio.newShot(owner, project, "Рассвет");
        String city = studio.newShot(owner, project, "Город");
        JsonNode link = Sharing.newLink(owner, project);
        String token = link.path("token").asString();
        PublicClient client = new PublicClient(studio.baseUrl());
        Sharing.comment(client, token, dawn, "Свет теплее, пожалуйста");
        Sharing.comment(client, token, city, "Камеру <ниже> & ближе");
        Sharing.answer(client, token, city, "changes", "Город темнее");

        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ?")
                        .param(DigestJob.TASK)
                        .query(Integer.class)
                        .single())
                .as("the recurring job is scheduled")
                .isEqualTo(1);
        assertThat(digest.run()).isEqualTo(1);

        List<MimeMessage> letters = lettersAbout("Реклама сока");
        assertThat(letters).hasSize(1);
        MimeMessage letter = letters.getFirst();
        assertThat(letter.getSubject()).isEqualTo("Кадр: новое от клиентов (3)");
        assertThat(letter.getAllRecipients()[0].toString()).isEqualTo("owner@studio.example");
        assertThat(letter.getFrom()[0].toString()).isEqualTo("kadr@studio.example");
        assertThat(letter.getMessageID()).startsWith("<digest-");
        String text = part(letter, "text/plain");
        assertThat(text)
                .contains("Проект «Реклама сока»")
                .contains("«Рассвет» — Ирина: «Свет теплее, пожалуйста»")
                .contains("«Город» — Ирина: «Камеру <ниже> & ближе»")
                .contains("«Город» — нужны правки (версия 1): «Город темнее»")
                .contains("/projects/" + project + "/inbox?unread=true");
        assertThat(part(letter, "text/html"))
                .as("the HTML letter escapes what clients wrote")
                .contains("Камеру &lt;ниже&gt; &amp; ближе")
                .contains("href=\"/projects/" + project + "/inbox?unread=true\"");

        assertThat(digest.run()).as("nothing new: nothing sent").isZero();
        assertThat(lettersAbout("Реклама сока")).hasSize(1);

        Sharing.comment(client, token, dawn, "И ещё: музыка тише");
        assertThat(digest.run()).isEqualTo(1);
        List<MimeMessage> both = lettersAbout("Реклама сока");
        assertThat(both).hasSize(2);
        String second = part(both.get(1), "text/plain");
        assertThat(second).contains("музыка тише").doesNotContain("Свет теплее", "Город темнее");

        // A comment the owner has already read needs no letter.
        Sharing.comment(client, token, dawn, "Прочитанное");
        owner.api().post("/api/v1/projects/" + project + "/comments/read", null);
        assertThat(digest.run()).isZero();

        assertThat(output.getAll()).as("the SMTP password is never logged").doesNotContain(PASSWORD);
    }

    private List<MimeMessage> lettersAbout(String projectName) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> GreenMailUtil.getBody(message).contains(projectName)
                        || partOrEmpty(message).contains(projectName))
                .toList();
    }

    private static String partOrEmpty(MimeMessage message) {
        try {
            return part(message, "text/plain");
        } catch (Exception e) {
            return "";
        }
    }

    /** The decoded text of the letter's part of this type, wherever it sits in the multipart tree. */
    private static String part(MimeMessage message, String type) throws Exception {
        String found = find(message.getContent(), type);
        assertThat(found).as(type + " part").isNotNull();
        return found;
    }

    private static @Nullable String find(Object content, String type) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var body = multipart.getBodyPart(i);
                if (body.isMimeType(type)) {
                    return (String) body.getContent();
                }
                String nested = find(body.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
