package app.kadr.asset;

import app.kadr.account.CurrentUser;
import app.kadr.project.ProjectService;
import app.kadr.shared.Cursor;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.ShotChanges;
import app.kadr.storyboard.ShotStatus;
import app.kadr.storyboard.StoryboardService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The box: one shot with every take in one feed. */
@Controller
class BoxPage {

    /** Six rows of eight at 1440 px: the first screenful and more; the rest comes as the person scrolls. */
    static final int FEED_PAGE = 48;
    /** The feed filter of takes made with an element version since replaced. */
    static final String STALE = "stale";

    private final StoryboardService storyboard;
    private final ProjectService projects;
    private final AssetService assets;
    private final TakeFeed takes;
    private final TakeCards cards;
    private final Messages messages;
    private final StaleTakeMarks staleMarks;

    BoxPage(
            StoryboardService storyboard,
            ProjectService projects,
            AssetService assets,
            TakeFeed takes,
            TakeCards cards,
            Messages messages,
            org.springframework.beans.factory.ObjectProvider<StaleTakeMarks> staleMarks) {
        this.staleMarks = staleMarks.getIfAvailable(() -> StaleTakeMarks.NONE);
        this.storyboard = storyboard;
        this.projects = projects;
        this.assets = assets;
        this.takes = takes;
        this.cards = cards;
        this.messages = messages;
    }

    @GetMapping("/shots/{shotId}")
    String page(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String sort,
            Locale locale,
            Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        model.addAttribute("shot", shot);
        model.addAttribute("project", projects.get(me.id(), shot.projectId()));
        model.addAttribute("statuses", List.of(ShotStatus.values()));
        model.addAttribute("neighbours", storyboard.neighbours(me.id(), shotId));
        return feedOf(shot, kind, sort, null, null, locale, model, "box/page");
    }

    /**
     * The whole feed again (after an upload or a live event: {@code limit} keeps the takes already scrolled to), or,
     * with a cursor, the next page of cards for the sentinel at the end of the feed.
     */
    @GetMapping("/shots/{shotId}/feed")
    String feed(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit,
            Locale locale,
            Model model) {
        String view = cursor == null || cursor.isBlank() ? "box/feed :: feed" : "box/feed :: items";
        return feedOf(storyboard.get(me.id(), shotId), kind, sort, cursor, limit, locale, model, view);
    }

    @GetMapping("/assets/{assetId}/card")
    String card(CurrentUser me, @PathVariable UUID assetId, Locale locale, Model model) {
        Asset asset = assets.get(me.id(), assetId);
        Shot shot = storyboard.get(me.id(), asset.shotId());
        model.addAttribute(
                "card",
                cards.of(
                        asset,
                        headlinerOf(shot),
                        takes.numbers(asset.shotId()),
                        staleMarks.staleGenerations(shot.projectId()),
                        locale));
        return "box/feed :: one";
    }

    /** A card's «⋯» menu, fetched when it is first opened. */
    @GetMapping("/assets/{assetId}/menu")
    String menu(CurrentUser me, @PathVariable UUID assetId, Model model) {
        model.addAttribute("asset", assets.get(me.id(), assetId));
        model.addAttribute("transforms", TakeTransforms.BY_KIND);
        return "box/menu :: items";
    }

    @PostMapping("/shots/{shotId}/edit")
    String edit(
            CurrentUser me,
            @PathVariable UUID shotId,
            String title,
            String description,
            String status,
            @RequestParam(required = false) @Nullable String duration,
            RedirectAttributes redirect) {
        try {
            storyboard.update(me.id(), shotId, ShotChanges.form(title, description, status, duration));
            redirect.addFlashAttribute("notice", messages.get("box.saved"));
        } catch (KadrException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", messages.detailOf(e));
        }
        return "redirect:/shots/" + shotId;
    }

    /** Unknown filter values fall back to the whole feed, newest first: a link from an old page still opens. */
    private String feedOf(
            Shot shot,
            String kind,
            String sort,
            @Nullable String cursor,
            @Nullable Integer limit,
            Locale locale,
            Model model,
            String view) {
        boolean staleOnly = STALE.equals(kind);
        String filter = staleOnly
                        || Assets.FAVOURITES.equals(kind)
                        || "image".equals(kind)
                        || "video".equals(kind)
                        || "audio".equals(kind)
                ? kind
                : null;
        boolean oldestFirst = "oldest".equals(sort);
        int size = limit == null ? FEED_PAGE : Cursor.limit(limit);
        // One look at the project's stale generations marks the cards and, for «Устарело», picks them.
        java.util.Set<UUID> stale = staleMarks.staleGenerations(shot.projectId());
        TakeFeed.Takes feed =
                takes.of(shot.id(), staleOnly ? null : filter, staleOnly ? stale : null, oldestFirst, cursor, size);
        model.addAttribute("shot", shot);
        // «Устаревшие» is offered only where there is something stale: most projects never have an element change.
        model.addAttribute("anyStale", !stale.isEmpty());
        model.addAttribute("kind", filter);
        model.addAttribute("sort", oldestFirst ? "oldest" : "newest");
        model.addAttribute("assets", feed.items());
        model.addAttribute("cards", cards.of(feed.items(), headlinerOf(shot), feed.numbers(), stale, locale));
        model.addAttribute("next", feed.next() == null ? null : moreUrl(shot, filter, oldestFirst, feed.next()));
        return view;
    }

    private static @Nullable UUID headlinerOf(Shot shot) {
        return shot.headliner() == null ? null : shot.headliner().id();
    }

    /** The sentinel's address: the same filter and sort, from the last card shown; the page size is the default. */
    private static String moreUrl(Shot shot, @Nullable String kind, boolean oldestFirst, String cursor) {
        return UriComponentsBuilder.fromPath("/shots/{id}/feed")
                .queryParamIfPresent("kind", Optional.ofNullable(kind))
                .queryParamIfPresent("sort", oldestFirst ? Optional.of("oldest") : Optional.empty())
                .queryParam("cursor", cursor)
                .buildAndExpand(shot.id())
                .toUriString();
    }
}
