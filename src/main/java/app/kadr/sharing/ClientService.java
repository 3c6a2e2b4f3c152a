package app.kadr.sharing;

import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The client's side of a link: the storyboard they see, its pictures, and their comments. */
@Service
class ClientService {

    static final int MAX_NAME = 80;
    static final int MAX_TEXT = 2000;

    /** A file to send: a re-encoded derivative of a headliner. */
    record MediaFile(Resource body, String mimeType) {}

    private final ClientStoryboard storyboard;
    private final ShareVersions versions;
    private final Comments comments;
    private final CommentThrottle throttle;
    private final BlobStore blobs;
    private final DomainEvents events;
    private final Reviews reviews;
    private final Answering answering;

    ClientService(
            ClientStoryboard storyboard,
            ShareVersions versions,
            Comments comments,
            CommentThrottle throttle,
            BlobStore blobs,
            DomainEvents events,
            Reviews reviews,
            Answering answering) {
        this.storyboard = storyboard;
        this.versions = versions;
        this.comments = comments;
        this.throttle = throttle;
        this.blobs = blobs;
        this.events = events;
        this.reviews = reviews;
        this.answering = answering;
    }

    @Transactional(readOnly = true)
    public ClientView view(OpenLink link) {
        Map<UUID, List<ClientView.ClientComment>> byShot = commentsByShot(link);
        Map<UUID, ClientView.Review> answers = answering.of(link);
        ShareVersions.Version version = link.versionId() == null
                ? null
                : versions.byId(link.versionId()).orElseThrow();
        List<ClientStoryboard.Row> rows =
                version == null ? storyboard.shots(link.projectId()) : versions.shots(version.id());
        Map<UUID, ClientStoryboard.Row> before = new LinkedHashMap<>();
        java.util.Optional<ShareVersions.Version> previous = version == null
                ? java.util.Optional.empty()
                : versions.byNumber(link.projectId(), version.number() - 1);
        previous.ifPresent(earlier -> versions.shots(earlier.id()).forEach(row -> before.put(row.shotId(), row)));
        List<ClientView.ClientShot> shots = rows.stream()
                .map(row -> new ClientView.ClientShot(
                        row.shotId(),
                        row.number(),
                        row.title(),
                        row.description(),
                        media(link, row.headliner()),
                        byShot.getOrDefault(row.shotId(), List.of()),
                        previous.isEmpty() ? null : change(before.get(row.shotId()), row),
                        answers.get(row.shotId())))
                .toList();
        rows.forEach(row -> before.remove(row.shotId()));
        ClientView.Release release = version == null
                ? null
                : new ClientView.Release(
                        version.number(),
                        version.publishedAt(),
                        before.values().stream()
                                .map(ClientStoryboard.Row::title)
                                .toList());
        return new ClientView(storyboard.project(link.projectId()), release, shots, link.allowComments());
    }

    /** What the client should notice in a shot since the version before: its texts or its picture. */
    private static @Nullable String change(ClientStoryboard.@Nullable Row before, ClientStoryboard.Row now) {
        if (before == null) {
            return ClientView.ClientShot.NEW;
        }
        boolean same = before.title().equals(now.title())
                && before.description().equals(now.description())
                && java.util.Objects.equals(assetOf(before), assetOf(now));
        return same ? null : ClientView.ClientShot.CHANGED;
    }

    private static @Nullable UUID assetOf(ClientStoryboard.Row row) {
        return row.headliner() == null ? null : row.headliner().assetId();
    }

    /** The shots a link shows: its published version's, or the live storyboard's. */
    private List<ClientStoryboard.Row> rowsOf(OpenLink link) {
        return link.versionId() == null ? storyboard.shots(link.projectId()) : versions.shots(link.versionId());
    }

    /** The conversation under every shot, as the client's page refreshes it while open. */
    @Transactional(readOnly = true)
    public ClientView.Conversation conversation(OpenLink link) {
        return new ClientView.Conversation(commentsByShot(link).entrySet().stream()
                .map(shot -> new ClientView.ShotComments(shot.getKey(), shot.getValue()))
                .toList());
    }

    /**
     * A tag that changes whenever the conversation does, so a page that polls is answered «nothing new» cheaply.
     * It is signed with the link's secret: the count and times it is made of stay on the server.
     */
    @Transactional(readOnly = true)
    public String conversationTag(OpenLink link) {
        return Secrets.sign(link.secret(), 12, "conversation", comments.versionOfLink(link.id()));
    }

    private Map<UUID, List<ClientView.ClientComment>> commentsByShot(OpenLink link) {
        Map<UUID, List<ClientView.ClientComment>> byShot = new LinkedHashMap<>();
        for (Comments.OfLink item : comments.ofLink(link.id())) {
            byShot.computeIfAbsent(item.shotId(), id -> new ArrayList<>()).add(item.comment());
        }
        return byShot;
    }

    static ClientView.@Nullable Media media(OpenLink link, ClientStoryboard.@Nullable Files files) {
        if (files == null) {
            return null;
        }
        return new ClientView.Media(
                files.kind(),
                files.width(),
                files.height(),
                MediaRefs.url(link, files, "thumb", files.thumbKey()),
                MediaRefs.url(link, files, "preview", files.previewKey()),
                files.hoverKey() == null ? null : MediaRefs.url(link, files, "hover", files.hoverKey()));
    }

    /**
     * The file behind a media address. Only the headliners the link shows (its version's, or the live ones) have
     * addresses, so an old, foreign or made-up one is 404.
     */
    @Transactional(readOnly = true)
    public MediaFile media(OpenLink link, String ref, String variant) throws IOException {
        if (!MediaRefs.VARIANTS.contains(variant)) {
            throw KadrException.notFound();
        }
        for (ClientStoryboard.Files files : filesOf(link)) {
            String key = files.keyOf(variant);
            if (key != null && Secrets.same(MediaRefs.ref(link, files, variant, key), ref)) {
                try {
                    return new MediaFile(blobs.resource(key), mimeOf(key));
                } catch (NoSuchFileException gone) {
                    throw KadrException.notFound();
                }
            }
        }
        throw KadrException.notFound();
    }

    /** Every file a link shows: its shots' headliners and, on a published version, the candidates it offers. */
    private List<ClientStoryboard.Files> filesOf(OpenLink link) {
        List<ClientStoryboard.Files> files = new ArrayList<>();
        for (ClientStoryboard.Row row : rowsOf(link)) {
            if (row.headliner() != null) {
                files.add(row.headliner());
            }
        }
        if (link.versionId() != null) {
            reviews.versionCandidates(link.versionId()).values().forEach(files::addAll);
        }
        return files;
    }

    @Transactional
    public ClientView.ClientComment comment(
            OpenLink link, UUID shotId, @Nullable String authorName, @Nullable String text, String address) {
        boolean shown = link.versionId() == null
                ? storyboard.isLiveShotOf(shotId, link.projectId())
                : rowsOf(link).stream().anyMatch(row -> row.shotId().equals(shotId));
        if (!shown) {
            throw KadrException.notFound();
        }
        if (!link.allowComments()) {
            throw KadrException.of(Problem.FORBIDDEN, "comment.disabled");
        }
        String name = clean(authorName, "authorName", MAX_NAME, "comment.name.empty", "comment.name.long");
        String body = clean(text, "text", MAX_TEXT, "comment.text.empty", "comment.text.long");
        throttle.take(link.id(), address);
        UUID id = UUID.randomUUID();
        comments.insert(id, link.id(), link.projectId(), shotId, name, body);
        events.publish(new CommentAdded(link.projectId(), shotId));
        return comments.clientComment(id).orElseThrow();
    }

    /** Trims a text and checks its length; control characters other than line breaks are dropped. */
    static String clean(@Nullable String value, String field, int max, String emptyKey, String longKey) {
        String text = stripped(value);
        if (text.isEmpty()) {
            throw KadrException.invalid(field, emptyKey);
        }
        if (text.length() > max) {
            throw KadrException.invalid(field, longKey, max);
        }
        return text;
    }

    /** A text as typed, trimmed, without control characters other than line breaks and tabs. */
    static String stripped(@Nullable String value) {
        return value == null
                ? ""
                : value.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
    }

    private static String mimeOf(String key) {
        String extension = key.substring(key.lastIndexOf('.') + 1);
        return switch (extension) {
            case "webp" -> "image/webp";
            case "png" -> "image/png";
            case "mp4" -> "video/mp4";
            default -> "image/jpeg";
        };
    }
}
