package app.kadr.sharing;

import app.kadr.shared.DomainEvents;
import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import app.kadr.shared.Reel;
import app.kadr.storage.BlobStore;
import app.kadr.storyboard.Shot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** A file to send: a re-encoded derivative of a headliner, or its review rendition. */
    record MediaFile(Resource body, String mimeType) {}

    private final ClientStoryboard storyboard;
    private final ShareVersions versions;
    private final Comments comments;
    private final ClientThrottle throttle;
    private final BlobStore blobs;
    private final DomainEvents events;
    private final Renditions renditions;
    private final RenditionJobs renditionJobs;
    private final Reviews reviews;
    private final Answering answering;

    ClientService(
            ClientStoryboard storyboard,
            ShareVersions versions,
            Comments comments,
            ClientThrottle throttle,
            BlobStore blobs,
            DomainEvents events,
            Renditions renditions,
            RenditionJobs renditionJobs,
            Reviews reviews,
            Answering answering) {
        this.storyboard = storyboard;
        this.versions = versions;
        this.comments = comments;
        this.throttle = throttle;
        this.blobs = blobs;
        this.events = events;
        this.renditions = renditions;
        this.renditionJobs = renditionJobs;
        this.reviews = reviews;
        this.answering = answering;
    }

    /**
     * The page's content. Not read-only: a headliner the link shows without a review rendition (a live link's new
     * headliner, a version published before renditions existed) gets one asked for, on demand.
     */
    @Transactional
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
        Map<UUID, Renditions.Rendition> review = reviewOf(link, rows);
        List<ClientView.ClientShot> shots = rows.stream()
                .map(row -> new ClientView.ClientShot(
                        row.shotId(),
                        row.number(),
                        row.title(),
                        row.description(),
                        row.durationMs(),
                        media(link, row.headliner(), review),
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

    /**
     * The film as the client plays it: the shots the link shows, each with the running time it has (or had when the
     * version was published) and the re-encoded file the client's large view shows.
     */
    @Transactional
    public Reel reel(OpenLink link, @Nullable UUID from) {
        List<ClientStoryboard.Row> rows = rowsOf(link);
        Map<UUID, Renditions.Rendition> review = reviewOf(link, rows);
        List<Reel.Shot> shots = rows.stream()
                .map(row -> onReel(link, row, row.durationMs(), review))
                .toList();
        return new Reel(storyboard.project(link.projectId()).name(), shots, from);
    }

    /** {@code runningMs} is null only for a version published before running times were kept: then automatic. */
    private static Reel.Shot onReel(
            OpenLink link, ClientStoryboard.Row row, @Nullable Long runningMs, Map<UUID, Renditions.Rendition> review) {
        ClientStoryboard.Files files = row.headliner();
        boolean video = files != null && "video".equals(files.kind());
        long durationMs = runningMs != null
                ? runningMs
                : Shot.automaticDuration(video, files == null ? null : files.durationMs());
        ClientView.Media media = media(link, files, review);
        if (media == null) {
            return Reel.Shot.card(row.shotId(), row.number(), row.title(), durationMs);
        }
        String videoUrl = media.videoUrl();
        if (videoUrl != null) {
            return new Reel.Shot(
                    row.shotId(),
                    row.number(),
                    row.title(),
                    durationMs,
                    Reel.Kind.VIDEO,
                    videoUrl,
                    media.previewUrl(),
                    null);
        }
        // A still, or a video without a file to watch, holds its picture (a video's poster) for its time.
        return new Reel.Shot(
                row.shotId(), row.number(), row.title(), durationMs, Reel.Kind.STILL, media.previewUrl(), null, null);
    }

    /** What the client should notice in a shot since the version before: its texts or its picture. */
    private static @Nullable String change(ClientStoryboard.@Nullable Row before, ClientStoryboard.Row now) {
        if (before == null) {
            return ClientView.ClientShot.NEW;
        }
        boolean same = before.title().equals(now.title())
                && before.description().equals(now.description())
                && java.util.Objects.equals(assetOf(before), assetOf(now))
                && (before.durationMs() == null
                        || now.durationMs() == null
                        || before.durationMs().equals(now.durationMs()));
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
        return Secrets.sign(link.secret(), 12, "conversation", comments.versionOfLink(link.id(), link.projectId()));
    }

    /** Each shot's threads, oldest first, with their replies; a reply whose thread is gone goes with it. */
    private Map<UUID, List<ClientView.ClientComment>> commentsByShot(OpenLink link) {
        Map<UUID, List<ClientView.ClientComment>> byShot = new LinkedHashMap<>();
        Map<UUID, ClientView.ClientComment> threads = new HashMap<>();
        for (Comments.OfLink item : comments.ofLink(link.id(), link.projectId())) {
            if (item.parentId() == null) {
                threads.put(item.comment().id(), item.comment());
                byShot.computeIfAbsent(item.shotId(), id -> new ArrayList<>()).add(item.comment());
            } else if (threads.containsKey(item.parentId())) {
                threads.get(item.parentId()).replies().add(item.comment());
            }
        }
        return byShot;
    }

    /** The review renditions of the headliners shown; those never asked for are asked for now. */
    private Map<UUID, Renditions.Rendition> reviewOf(OpenLink link, List<ClientStoryboard.Row> rows) {
        Map<UUID, Renditions.Rendition> known = renditions.ofAssets(Renditions.assetsOf(rows));
        List<ClientStoryboard.Row> missing = rows.stream()
                .filter(row -> row.headliner() != null
                        && !known.containsKey(row.headliner().assetId()))
                .toList();
        if (!missing.isEmpty()) {
            renditionJobs.request(storyboard.ownerOf(link.projectId()), missing);
        }
        return known;
    }

    /** A file's media without a review rendition: the candidates a version offers side by side. */
    static ClientView.@Nullable Media media(OpenLink link, ClientStoryboard.@Nullable Files files) {
        return media(link, files, Map.of());
    }

    private static ClientView.@Nullable Media media(
            OpenLink link, ClientStoryboard.@Nullable Files files, Map<UUID, Renditions.Rendition> review) {
        if (files == null) {
            return null;
        }
        Renditions.Rendition rendition = review.get(files.assetId());
        String state = rendition == null || Renditions.PREPARING.equals(rendition.status())
                ? ClientView.Media.PREPARING
                : rendition.isReady() ? ClientView.Media.READY : ClientView.Media.FAILED;
        return new ClientView.Media(
                files.kind(),
                files.width(),
                files.height(),
                MediaRefs.url(link, files, "thumb", files.thumbKey()),
                MediaRefs.url(link, files, "preview", files.previewKey()),
                files.hoverKey() == null ? null : MediaRefs.url(link, files, "hover", files.hoverKey()),
                rendition != null && rendition.isReady()
                        ? MediaRefs.url(link, files, MediaRefs.REVIEW, rendition.fileKey())
                        : null,
                state,
                files.durationMs());
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
        List<ClientStoryboard.Row> rows = rowsOf(link);
        Map<UUID, Renditions.Rendition> review =
                MediaRefs.REVIEW.equals(variant) ? renditions.ofAssets(Renditions.assetsOf(rows)) : Map.of();
        for (ClientStoryboard.Files files : filesOf(link, rows)) {
            String key = keyOf(files, variant, review);
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
    private List<ClientStoryboard.Files> filesOf(OpenLink link, List<ClientStoryboard.Row> rows) {
        List<ClientStoryboard.Files> files = new ArrayList<>();
        for (ClientStoryboard.Row row : rows) {
            if (row.headliner() != null) {
                files.add(row.headliner());
            }
        }
        if (link.versionId() != null) {
            reviews.versionCandidates(link.versionId()).values().forEach(files::addAll);
        }
        return files;
    }

    private static @Nullable String keyOf(
            ClientStoryboard.Files files, String variant, Map<UUID, Renditions.Rendition> review) {
        if (!MediaRefs.REVIEW.equals(variant)) {
            return files.keyOf(variant);
        }
        Renditions.Rendition rendition = review.get(files.assetId());
        return rendition != null && rendition.isReady() ? rendition.fileKey() : null;
    }
    /** What a client writes: about a shot, maybe at a moment and a spot of its picture, maybe in a thread. */
    record Draft(
            @Schema(description = "Шот, как его называет страница клиента") @Nullable
            String shotRef,

            @Schema(description = "Комментарий, на который это ответ (ветка)") @Nullable
            UUID parentId,

            @Nullable String authorName,
            @Nullable String text,

            @Schema(description = "Момент видео в миллисекундах от начала") @Nullable
            Long timecodeMs,

            @Schema(description = "Рисунок поверх кадра в координатах 0–1")
            Annotation.@Nullable Draft annotation) {}

    @Transactional
    public ClientView.ClientComment comment(OpenLink link, Draft draft, String address) {
        UUID shotId = parseRef(draft.shotRef());
        ClientStoryboard.Row shot = rowsOf(link).stream()
                .filter(row -> row.shotId().equals(shotId))
                .findFirst()
                .orElseThrow(KadrException::notFound);
        if (!link.allowComments()) {
            throw KadrException.of(Problem.FORBIDDEN, "comment.disabled");
        }
        String name = clean(draft.authorName(), "authorName", MAX_NAME, "comment.name.empty", "comment.name.long");
        String body = clean(draft.text(), "text", MAX_TEXT, "comment.text.empty", "comment.text.long");
        Moment moment = Moment.of(draft.timecodeMs(), draft.annotation(), shot.headliner());
        UUID parentId = null;
        if (draft.parentId() != null) {
            Comments.Thread thread = comments.thread(draft.parentId(), link.id(), link.projectId())
                    .filter(found -> found.shotId().equals(shotId))
                    .orElseThrow(() -> KadrException.invalid("parentId", "comment.parent.unknown"));
            parentId = thread.rootId();
        }
        throttle.take(ClientThrottle.COMMENTS, link.id(), address);
        UUID id = UUID.randomUUID();
        comments.insert(new Comments.NewComment(
                id,
                link.id(),
                link.projectId(),
                shotId,
                link.versionId(),
                parentId,
                name,
                body,
                false,
                moment.timecodeMs(),
                moment.annotation(),
                moment.assetId(),
                moment.assetKind()));
        events.publish(new CommentAdded(link.projectId(), shotId));
        return comments.clientComment(id).orElseThrow();
    }

    /** A shot as the client's page names it; anything else names no shot of the link. */
    private static UUID parseRef(@Nullable String ref) {
        try {
            return UUID.fromString(ref == null ? "" : ref);
        } catch (IllegalArgumentException notAShot) {
            throw KadrException.notFound();
        }
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
