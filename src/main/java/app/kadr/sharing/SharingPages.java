package app.kadr.sharing;

import app.kadr.account.CurrentUser;
import app.kadr.project.ProjectService;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import app.kadr.shared.PublicAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The owner's sharing screens: the links panel of the storyboard page, the comments of a box, and the
 * project's inbox. Actions answer the fragment they changed, for htmx to swap.
 */
@Controller
class SharingPages {

    static final List<Integer> EXPIRY_DAYS = List.of(1, 7, 30, 90);

    private final ShareLinkService links;
    private final CommentService comments;
    private final Publishing publishing;
    private final ProjectService projects;
    private final Messages messages;
    private final PublicAddress address;
    private final ShareVersions shareVersions;
    private final ReviewService reviews;

    SharingPages(
            ShareLinkService links,
            CommentService comments,
            Publishing publishing,
            ProjectService projects,
            Messages messages,
            PublicAddress address,
            ShareVersions shareVersions,
            ReviewService reviews) {
        this.links = links;
        this.comments = comments;
        this.publishing = publishing;
        this.projects = projects;
        this.messages = messages;
        this.address = address;
        this.shareVersions = shareVersions;
        this.reviews = reviews;
    }

    @GetMapping("/projects/{projectId}/sharing")
    String panel(CurrentUser me, @PathVariable UUID projectId, Model model) {
        return panelOf(me, projectId, model);
    }

    @PostMapping("/projects/{projectId}/sharing")
    String create(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable Integer expiresInDays,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(defaultValue = "false") boolean allowComments,
            Model model) {
        if (expiresInDays != null && !EXPIRY_DAYS.contains(expiresInDays)) {
            throw KadrException.invalid("expiresInDays", "share.expires.invalid");
        }
        Instant expiresAt = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
        try {
            ShareLink link =
                    links.create(me.id(), projectId, mode, expiresAt, password, allowComments, address.prefix());
            model.addAttribute("created", link.id());
        } catch (KadrException invalid) {
            if (invalid.problem() != Problem.VALIDATION) {
                throw invalid;
            }
            model.addAttribute("error", messages.detailOf(invalid));
        }
        return panelOf(me, projectId, model);
    }

    @PostMapping("/share-links/{linkId}/revoke")
    String revoke(CurrentUser me, @PathVariable UUID linkId, Model model) {
        UUID projectId = links.revoke(me.id(), linkId);
        return panelOf(me, projectId, model);
    }

    @PostMapping("/share-links/{linkId}/publish")
    String publish(CurrentUser me, @PathVariable UUID linkId, Model model) {
        model.addAttribute("published", publishing.publish(me.id(), linkId));
        return panelOf(me, links.projectOf(me.id(), linkId), model);
    }

    /** Shows a link's live storyboard ({@code shown} = live) or a version by its number. */
    @PostMapping("/share-links/{linkId}/shown")
    String shown(
            CurrentUser me, @PathVariable UUID linkId, @RequestParam(defaultValue = "") String shown, Model model) {
        UUID projectId = links.projectOf(me.id(), linkId);
        boolean live = ShareLink.LIVE.equals(shown);
        Integer number = live || !shown.matches("\\d{1,9}") ? null : Integer.valueOf(shown);
        if (!live && number == null) {
            throw KadrException.invalid("shown", "share.version.unknown");
        }
        publishing.show(me.id(), linkId, live ? ShareLink.LIVE : ShareLink.VERSION, number);
        return panelOf(me, projectId, model);
    }

    /** What the client's answers through a link do to the shots' status. */
    @PostMapping("/share-links/{linkId}/status-follows")
    String statusFollows(
            CurrentUser me,
            @PathVariable UUID linkId,
            @RequestParam(required = false) @Nullable String approved,
            @RequestParam(required = false) @Nullable String changes,
            Model model) {
        reviews.setStatusFollows(me.id(), linkId, approved, changes);
        return panelOf(me, links.projectOf(me.id(), linkId), model);
    }

    /** Makes a client's favourite the shot's headliner from the panel's list of picks. */
    @PostMapping("/projects/{projectId}/sharing/headliner")
    String headliner(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable UUID shotId,
            @RequestParam(required = false) @Nullable Integer version,
            Model model) {
        publishing.list(me.id(), projectId);
        if (shotId == null) {
            throw KadrException.invalid("shotId", "review.pick.none");
        }
        reviews.makeHeadliner(me.id(), shotId, version);
        return panelOf(me, projectId, model);
    }

    private String panelOf(CurrentUser me, UUID projectId, Model model) {
        List<ShareLink> shown = links.list(me.id(), projectId, address.prefix());
        model.addAttribute("projectId", projectId);
        model.addAttribute("versions", publishing.list(me.id(), projectId));
        model.addAttribute("links", shown);
        List<VersionAnswers> answered = reviews.ofAllVersions(me.id(), projectId);
        model.addAttribute("history", answered);
        model.addAttribute(
                "answers",
                answered.stream()
                        .collect(java.util.stream.Collectors.toMap(VersionAnswers::version, answers -> answers)));
        model.addAttribute(
                "follows",
                shown.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                ShareLink::id, link -> reviews.statusFollows(me.id(), link.id()))));
        model.addAttribute("statuses", app.kadr.storyboard.ShotStatus.values());
        model.addAttribute("unread", comments.unreadCount(me.id(), projectId));
        model.addAttribute("expiryDays", EXPIRY_DAYS);
        return "sharing/panel :: panel";
    }

    /** The panel's way to the inbox with its unread count, refreshed alone so a link being made is kept. */
    @GetMapping("/projects/{projectId}/inbox/link")
    String inboxLink(CurrentUser me, @PathVariable UUID projectId, Model model) {
        model.addAttribute("projectId", projectId);
        model.addAttribute("unread", comments.unreadCount(me.id(), projectId));
        return "sharing/panel :: inbox-link";
    }

    @GetMapping("/shots/{shotId}/comments")
    String shotComments(CurrentUser me, @PathVariable UUID shotId, Model model) {
        return shotCommentsOf(me, shotId, model);
    }

    /**
     * The owner writes on a shot from its box: the drawing comes as its type and its points, {@code x,y x,y …} in
     * 0–1, as the page's drawing tool fills them in. A refusal is shown above the form, which keeps its text.
     */
    @PostMapping("/shots/{shotId}/comments")
    String write(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable UUID parentId,
            @RequestParam(required = false) @Nullable Long timecodeMs,
            @RequestParam(required = false) @Nullable String markType,
            @RequestParam(required = false) @Nullable String markPoints,
            Model model) {
        try {
            comments.write(
                    me.id(),
                    shotId,
                    new CommentService.Draft(text, parentId, timecodeMs, Annotation.Draft.of(markType, markPoints)));
        } catch (KadrException invalid) {
            if (invalid.problem() != Problem.VALIDATION) {
                throw invalid;
            }
            model.addAttribute("error", messages.detailOf(invalid));
            model.addAttribute("draft", text);
        }
        return shotCommentsOf(me, shotId, model);
    }

    private String shotCommentsOf(CurrentUser me, UUID shotId, Model model) {
        model.addAttribute("comments", comments.ofShot(me.id(), shotId));
        model.addAttribute("shotId", shotId);
        return "sharing/comments :: shot-comments";
    }

    /** The shot's headliner for the owner to pause, mark and comment on, with the form to write. */
    @GetMapping("/shots/{shotId}/moment")
    String moment(CurrentUser me, @PathVariable UUID shotId, Model model) {
        model.addAttribute("picture", comments.pictureOf(me.id(), shotId));
        model.addAttribute("shotId", shotId);
        return "sharing/moments :: owner-moment";
    }

    @GetMapping("/projects/{projectId}/inbox")
    String inbox(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String approval,
            Model model) {
        model.addAttribute("project", projects.get(me.id(), projectId));
        String decision = approval == null || approval.isBlank() ? null : approval;
        List<PublishedVersion> versions = publishing.list(me.id(), projectId);
        UUID versionId = version == null
                ? null
                : shareVersions
                        .byNumber(projectId, version)
                        .map(ShareVersions.Version::id)
                        .orElseThrow(() -> KadrException.invalid("version", "share.version.unknown"));
        model.addAttribute("comments", comments.ofProject(me.id(), projectId, unread, versionId, decision));
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("approval", decision);
        model.addAttribute("approvals", CommentService.APPROVAL_FILTERS);
        model.addAttribute("versions", versions);
        model.addAttribute("version", version);
        model.addAttribute("projectNames", projects.names(me.id()));
        model.addAttribute("unreadByProject", comments.unreadByProject(me.id()));
        return "sharing/inbox";
    }

    /** The navigation's way to attention: the inbox of the project with the newest unread comment. */
    @GetMapping("/inbox")
    String attention(CurrentUser me) {
        return comments.unreadByProject(me.id()).keySet().stream()
                .findFirst()
                .map(projectId -> "redirect:/projects/" + projectId + "/inbox?unread=true")
                .orElse("redirect:/");
    }

    /**
     * The unread counts every studio page shows: in the navigation, and on each card of the project list. One
     * answer of out-of-band fragments, so a page asks once however many projects it lists.
     */
    @GetMapping("/inbox/badges")
    String badges(CurrentUser me, Model model) {
        java.util.Map<UUID, Integer> unread = comments.unreadByProject(me.id());
        model.addAttribute("unreadByProject", unread);
        model.addAttribute(
                "unreadTotal",
                unread.values().stream().mapToInt(Integer::intValue).sum());
        return "sharing/attention :: badges";
    }

    @PostMapping("/projects/{projectId}/inbox/read-all")
    String readAll(CurrentUser me, @PathVariable UUID projectId) {
        comments.markAllRead(me.id(), projectId);
        return "redirect:/projects/" + projectId + "/inbox";
    }

    @PostMapping("/comments/{commentId}/read")
    String read(
            CurrentUser me,
            @PathVariable UUID commentId,
            @RequestParam(defaultValue = "false") boolean showShot,
            Model model) {
        return one(comments.markRead(me.id(), commentId), showShot, model);
    }

    @PostMapping("/comments/{commentId}/reply")
    String reply(
            CurrentUser me,
            @PathVariable UUID commentId,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(defaultValue = "false") boolean showShot,
            Model model) {
        return one(comments.reply(me.id(), commentId, text), showShot, model);
    }

    /** Answers nothing: htmx removes the comment from the page. */
    @PostMapping("/comments/{commentId}/delete")
    @ResponseBody
    String delete(CurrentUser me, @PathVariable UUID commentId) {
        comments.delete(me.id(), commentId);
        return "";
    }

    /** One comment, as the box page ({@code showShot} false) or the inbox (true) shows it. */
    private static String one(Comment comment, boolean showShot, Model model) {
        model.addAttribute("comment", comment);
        model.addAttribute("showShot", showShot);
        return "sharing/comments :: comment";
    }
}
