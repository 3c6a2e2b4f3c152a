package app.kadr.sharing;

import app.kadr.project.ProjectService;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.PublicAddress;
import app.kadr.shared.Rows;
import app.kadr.storyboard.StoryboardService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail digest of clients' answers: each run gathers the comments, approvals and picks no digest has carried
 * yet, one digest per owner, and sends it in Russian (plain text and simple HTML) with a way to the inbox.
 *
 * <p>Why claim, then send, then mark sent: the answers are first written into the digest in one transaction (the
 * items' primary key lets only one run have each answer), so an answer belongs to exactly one digest. The digest is
 * marked sent only after the SMTP server took it; a refused or unreachable server leaves it unsent and the next run
 * tries the same digest again ({@link #ATTEMPTS} times in all), so a passing outage loses nothing. The one way a
 * digest goes out twice is a crash between the server taking it and the mark being written: then the next run sends
 * it again, once, with the same Message-ID (mail clients that know it show one letter). Marking before sending would
 * instead lose that digest for good; for a notice of answers that are also in the inbox, a rare second copy is the
 * lesser harm.
 */
@Service
class ClientDigest {

    private static final Logger log = LoggerFactory.getLogger(ClientDigest.class);

    /** How far back a run looks: answers older than this (a digest turned on long after) are left to the inbox. */
    static final Duration LOOKBACK = Duration.ofDays(7);

    /** Tries of one digest before it is given up (each run is one try). */
    static final int ATTEMPTS = 5;

    private final Digests digests;
    private final ObjectProvider<DigestMail> mail;
    private final Access access;
    private final ProjectService projects;
    private final StoryboardService shots;
    private final Messages messages;
    private final PublicAddress address;
    private final TransactionTemplate transaction;

    ClientDigest(
            Digests digests,
            ObjectProvider<DigestMail> mail,
            Access access,
            ProjectService projects,
            StoryboardService shots,
            Messages messages,
            PublicAddress address,
            TransactionTemplate transaction) {
        this.digests = digests;
        this.mail = mail;
        this.access = access;
        this.projects = projects;
        this.shots = shots;
        this.messages = messages;
        this.address = address;
        this.transaction = transaction;
    }

    /** One run of the job: how many digests went out. Nothing at all while the digest is off. */
    int run() {
        DigestMail sender = mail.getIfAvailable();
        if (sender == null || !sender.hasRecipient()) {
            return 0;
        }
        claimNew();
        return sendUnsent(sender);
    }

    /**
     * Gathers each owner's new answers into a digest. An owner whose last digest is still waiting to go gets no
     * second one meanwhile: their new answers wait for the run after it, so a mailbox never gets two at once.
     */
    private void claimNew() {
        Set<UUID> waiting =
                digests.unsent(ATTEMPTS).stream().map(Digests.Digest::ownerId).collect(Collectors.toSet());
        Map<UUID, List<Digests.Item>> byOwner = new LinkedHashMap<>();
        for (Digests.Item item : digests.uncarried(Rows.now().minus(LOOKBACK))) {
            access.ownerOf(OwnedKind.SHOT, item.shotId())
                    .filter(owner -> !waiting.contains(owner))
                    .ifPresent(owner -> byOwner.computeIfAbsent(owner, key -> new ArrayList<>())
                            .add(item));
        }
        byOwner.forEach((owner, items) -> {
            try {
                transaction.executeWithoutResult(status -> digests.claim(UUID.randomUUID(), owner, items));
            } catch (DataIntegrityViolationException claimed) {
                log.info("Another run gathered some of these answers first; they go in its digest");
            }
        });
    }

    private int sendUnsent(DigestMail sender) {
        int sent = 0;
        for (Digests.Digest digest : digests.unsent(ATTEMPTS)) {
            if (!digests.takeAttempt(digest)) {
                continue;
            }
            DigestMail.Letter letter = letter(digest, sender.recipient());
            if (letter == null) {
                digests.markSent(digest.id());
                continue;
            }
            try {
                sender.send(letter);
                digests.markSent(digest.id());
                sent++;
            } catch (MailException refused) {
                // The server's words, never the settings: the password is in no exception of the mail sender.
                log.warn(
                        "The clients' digest {} was not sent (try {} of {}): {}",
                        digest.id(),
                        digest.attempts() + 1,
                        ATTEMPTS,
                        refused.getMessage());
            }
        }
        return sent;
    }

    /** The letter of a digest, or null when nothing it carries is still there to tell (all in the trash). */
    private DigestMail.@Nullable Letter letter(Digests.Digest digest, String to) {
        UUID owner = digest.ownerId();
        Map<UUID, List<String>> linesByProject = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, String> titles = new HashMap<>();
        int count = 0;
        for (Digests.Item item : digests.items(digest.id())) {
            String name = names.computeIfAbsent(item.projectId(), id -> projectName(owner, id));
            if (name.isEmpty()) {
                continue;
            }
            String title = titles.computeIfAbsent(item.shotId(), id -> shotTitle(owner, id));
            linesByProject
                    .computeIfAbsent(item.projectId(), id -> new ArrayList<>())
                    .add(line(item, title));
            count++;
        }
        if (count == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder(messages.get("digest.intro")).append("\n");
        StringBuilder html = new StringBuilder("<p>")
                .append(HtmlUtils.htmlEscape(messages.get("digest.intro")))
                .append("</p>");
        linesByProject.forEach((projectId, lines) -> {
            String project = messages.get("digest.project", names.get(projectId));
            String inbox = address.of("/projects/" + projectId + "/inbox?unread=true");
            text.append("\n").append(project).append("\n");
            html.append("<h3>").append(HtmlUtils.htmlEscape(project)).append("</h3><ul>");
            for (String line : lines) {
                text.append("  • ").append(line).append("\n");
                html.append("<li>").append(HtmlUtils.htmlEscape(line)).append("</li>");
            }
            text.append(messages.get("digest.inbox", inbox)).append("\n");
            html.append("</ul><p><a href=\"")
                    .append(HtmlUtils.htmlEscape(inbox))
                    .append("\">")
                    .append(HtmlUtils.htmlEscape(messages.get("digest.inbox.link")))
                    .append("</a></p>");
        });
        text.append("\n").append(messages.get("digest.footer")).append("\n");
        html.append("<p style=\"color:#777\">")
                .append(HtmlUtils.htmlEscape(messages.get("digest.footer")))
                .append("</p>");
        return new DigestMail.Letter(
                to,
                messages.get("digest.subject", count),
                text.toString(),
                "<!DOCTYPE html><html><body>" + html + "</body></html>",
                "<digest-" + digest.id() + "@kadr>");
    }

    private String line(Digests.Item item, String title) {
        String excerpt = item.excerpt();
        return switch (item.kind()) {
            case Digests.APPROVAL ->
                ShotReview.APPROVED.equals(item.detail())
                        ? messages.get("digest.approved", title, item.version())
                        : messages.get("digest.changes", title, item.version(), excerpt == null ? "" : excerpt);
            case Digests.PICK ->
                excerpt == null
                        ? messages.get("digest.pick", title, item.detail(), item.version())
                        : messages.get("digest.pick.reason", title, item.detail(), item.version(), excerpt);
            default -> messages.get("digest.comment", title, item.author(), excerpt);
        };
    }

    /** The project's name, or empty once it is gone or in the trash: its answers are then left out. */
    private String projectName(UUID owner, UUID projectId) {
        try {
            return projects.get(owner, projectId).name();
        } catch (KadrException gone) {
            return "";
        }
    }

    private String shotTitle(UUID owner, UUID shotId) {
        try {
            String title = shots.get(owner, shotId).title();
            return title.isBlank() ? messages.get("digest.shot.untitled") : title;
        } catch (KadrException gone) {
            return messages.get("digest.shot.untitled");
        }
    }
}
