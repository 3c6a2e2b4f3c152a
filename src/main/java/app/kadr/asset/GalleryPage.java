package app.kadr.asset;

import app.kadr.account.CurrentUser;
import app.kadr.catalog.Catalog;
import app.kadr.shared.Cursor;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Page;
import app.kadr.shared.Problem;
import app.kadr.storyboard.ShotPlace;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The gallery page: every take across projects as a grid or a list, filtered, searched and scrolled without end;
 * a star on each card and a dialog that copies or moves a take into a shot.
 */
@Controller
class GalleryPage {

    /** Eight rows of six at 1440 px: the first screenful and more, before the infinite scroll takes over. */
    static final int PAGE = 48;

    private final GalleryService gallery;
    private final AssetService assets;
    private final TakeTransfers transfers;
    private final Catalog catalog;
    private final Messages messages;

    GalleryPage(
            GalleryService gallery, AssetService assets, TakeTransfers transfers, Catalog catalog, Messages messages) {
        this.gallery = gallery;
        this.assets = assets;
        this.transfers = transfers;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/gallery")
    String page(CurrentUser me, @RequestParam MultiValueMap<String, String> params, Model model) {
        GalleryFilter filter = filterOf(params);
        GalleryService.Places places = gallery.places(me.id());
        model.addAttribute("filter", filter);
        model.addAttribute("projects", places.projects());
        model.addAttribute("models", catalog.modelNames());
        model.addAttribute("providers", catalog.providers());
        model.addAttribute("stems", gallery.searchStems());
        return items(places, filter, null, limitOf(params), model, "gallery/page");
    }

    @GetMapping("/gallery/more")
    String more(CurrentUser me, @RequestParam MultiValueMap<String, String> params, Model model) {
        return items(
                gallery.places(me.id()),
                filterOf(params),
                params.getFirst("cursor"),
                limitOf(params),
                model,
                "gallery/items :: items");
    }

    private String items(
            GalleryService.Places places,
            GalleryFilter filter,
            @Nullable String cursor,
            int limit,
            Model model,
            String view) {
        Page<GalleryItem> page = gallery.search(places, filter, cursor, limit);
        model.addAttribute("items", page.items());
        model.addAttribute("filtered", !filter.isEmpty());
        model.addAttribute("first", cursor == null);
        model.addAttribute("next", page.nextCursor() == null ? null : moreUrl(filter, page.nextCursor(), limit));
        return view;
    }

    @PutMapping("/assets/{assetId}/favourite")
    String favourite(CurrentUser me, @PathVariable UUID assetId, Model model) {
        return star(assets.setStarred(me.id(), assetId, true), model);
    }

    @DeleteMapping("/assets/{assetId}/favourite")
    String unfavourite(CurrentUser me, @PathVariable UUID assetId, Model model) {
        return star(assets.setStarred(me.id(), assetId, false), model);
    }

    private static String star(Asset asset, Model model) {
        model.addAttribute("asset", asset);
        return "gallery/star :: star";
    }

    /** The copy-or-move dialog's content, starting at the take's own project. */
    @GetMapping("/assets/{assetId}/transfer")
    String transferDialog(CurrentUser me, @PathVariable UUID assetId, Model model) {
        Asset asset = assets.get(me.id(), assetId);
        GalleryService.Places places = gallery.places(me.id());
        UUID projectId = places.shots().stream()
                .filter(s -> s.id().equals(asset.shotId()))
                .map(ShotPlace::projectId)
                .findFirst()
                .orElseThrow(KadrException::notFound);
        model.addAttribute("asset", asset);
        model.addAttribute("projects", places.projects());
        model.addAttribute("projectId", projectId);
        model.addAttribute("shots", places.shotsOf(projectId));
        return "gallery/transfer :: dialog";
    }

    @GetMapping("/gallery/shots")
    String shotOptions(CurrentUser me, @RequestParam UUID projectId, Model model) {
        GalleryService.Places places = gallery.places(me.id());
        if (!places.projects().containsKey(projectId)) {
            throw KadrException.notFound();
        }
        model.addAttribute("shots", places.shotsOf(projectId));
        return "gallery/transfer :: shots";
    }

    @PostMapping("/assets/{assetId}/transfer")
    String transfer(
            CurrentUser me,
            @PathVariable UUID assetId,
            @RequestParam(required = false) String shotId,
            @RequestParam(defaultValue = "copy") String mode,
            Model model) {
        try {
            boolean move = "move".equals(mode);
            Asset done = move ? transfers.move(me.id(), assetId, shotId) : transfers.copy(me.id(), assetId, shotId);
            String place = placeOf(me, done.shotId());
            model.addAttribute("ok", true);
            model.addAttribute("message", messages.get(move ? "gallery.moved" : "gallery.copied", place));
        } catch (KadrException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("ok", false);
            model.addAttribute("message", messages.detailOf(e));
        }
        return "gallery/transfer :: result";
    }

    private String placeOf(CurrentUser me, UUID shotId) {
        GalleryService.Places places = gallery.places(me.id());
        return places.shots().stream()
                .filter(s -> s.id().equals(shotId))
                .findFirst()
                .map(s -> places.projects().get(s.projectId()) + " · "
                        + messages.get("gallery.place", s.number(), s.title()))
                .orElse("");
    }

    /** Takes per page: {@link #PAGE} unless the address asks for another size (within the API's bounds). */
    private static int limitOf(MultiValueMap<String, String> params) {
        String limit = params.getFirst("limit");
        if (limit == null || limit.isBlank()) {
            return PAGE;
        }
        try {
            return Cursor.limit(Integer.valueOf(limit.strip()));
        } catch (NumberFormatException e) {
            throw KadrException.invalid("limit", "problem.limit.invalid", Cursor.MAX_LIMIT);
        }
    }

    private static GalleryFilter filterOf(MultiValueMap<String, String> params) {
        return GalleryFilter.parse(
                params.getFirst("q"),
                params.getFirst("kind"),
                params.getFirst("projectId"),
                params.getFirst("modelId"),
                params.getFirst("providerId"),
                params.getFirst("favourite"),
                params.getFirst("headliner"),
                params.getFirst("from"),
                params.getFirst("to"));
    }

    /** The address of the next page: the same filter and the cursor, as the sentinel at the end of the grid asks. */
    private static String moreUrl(GalleryFilter filter, String cursor, int limit) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        Map<String, @Nullable Object> values = new java.util.LinkedHashMap<>();
        values.put("q", filter.q());
        values.put("kind", filter.kind());
        values.put("projectId", filter.projectId());
        values.put("modelId", filter.modelId());
        values.put("providerId", filter.providerId());
        values.put("favourite", filter.favourite());
        values.put("headliner", filter.headliner());
        values.put("from", filter.from());
        values.put("to", filter.to());
        values.forEach((name, value) -> {
            if (value != null) {
                query.put(name, List.of(value.toString()));
            }
        });
        query.put("cursor", List.of(cursor));
        if (limit != PAGE) {
            query.put("limit", List.of(Integer.toString(limit)));
        }
        return UriComponentsBuilder.fromPath("/gallery/more")
                .queryParams(query)
                .encode()
                .build()
                .toUriString();
    }
}
