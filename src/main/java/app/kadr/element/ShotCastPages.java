package app.kadr.element;

import app.kadr.account.CurrentUser;
import app.kadr.project.ProjectService;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages' side of shot elements: the box's «Элементы» section (what the shot features, and a form to set it by
 * hand), the storyboard's filter chips (each element with the shots that feature it) and an element's page of the
 * shots and takes that use it. The box and the storyboard load their fragment by URL, so neither depends on this
 * module.
 */
@Controller
class ShotCastPages {

    /** An element on the storyboard's filter, with the shots that feature it. */
    record FilterChip(FeaturedElement element, List<UUID> shotIds) {

        public String shots() {
            return String.join(" ", shotIds.stream().map(UUID::toString).toList());
        }
    }

    private final ShotCast cast;
    private final StoryboardService storyboard;
    private final ProjectService projects;
    private final Messages messages;

    ShotCastPages(ShotCast cast, StoryboardService storyboard, ProjectService projects, Messages messages) {
        this.cast = cast;
        this.storyboard = storyboard;
        this.projects = projects;
        this.messages = messages;
    }

    @GetMapping("/shots/{shotId}/cast")
    String box(CurrentUser me, @PathVariable UUID shotId, Model model) {
        return boxOf(me, storyboard.get(me.id(), shotId), model, null);
    }

    @PostMapping("/shots/{shotId}/cast")
    String set(
            CurrentUser me,
            @PathVariable UUID shotId,
            @RequestParam(required = false) @Nullable List<UUID> elementIds,
            Model model) {
        Shot shot = storyboard.get(me.id(), shotId);
        try {
            cast.set(me.id(), shotId, elementIds);
        } catch (KadrException refused) {
            if (refused.problem() == Problem.NOT_FOUND) {
                throw refused;
            }
            return boxOf(me, shot, model, messages.detailOf(refused));
        }
        return boxOf(me, shot, model, null);
    }

    @GetMapping("/projects/{projectId}/cast-filter")
    String filter(CurrentUser me, @PathVariable UUID projectId, Model model) {
        Map<UUID, FeaturedElement> elements = new LinkedHashMap<>();
        Map<UUID, List<UUID>> shots = new LinkedHashMap<>();
        cast.ofProject(me.id(), projectId)
                .forEach((shotId, featured) -> featured.forEach(element -> {
                    elements.putIfAbsent(element.elementId(), element);
                    shots.computeIfAbsent(element.elementId(), k -> new java.util.ArrayList<>())
                            .add(shotId);
                }));
        model.addAttribute(
                "chips",
                elements.values().stream()
                        .sorted(java.util.Comparator.comparing(FeaturedElement::handle))
                        .map(e -> new FilterChip(e, shots.get(e.elementId())))
                        .toList());
        return "element/cast :: filter";
    }

    @GetMapping("/elements/{elementId}")
    String usage(CurrentUser me, @PathVariable UUID elementId, Model model) {
        ElementUsage usage = cast.usage(me.id(), elementId);
        model.addAttribute("usage", usage);
        model.addAttribute("project", projects.get(me.id(), usage.element().projectId()));
        return "element/usage";
    }

    private String boxOf(CurrentUser me, Shot shot, Model model, @Nullable String error) {
        List<FeaturedElement> featured = cast.of(me.id(), shot.id());
        model.addAttribute("shot", shot);
        model.addAttribute("featured", featured);
        model.addAttribute(
                "handSet",
                featured.stream()
                        .filter(FeaturedElement::byHand)
                        .map(FeaturedElement::elementId)
                        .toList());
        model.addAttribute("library", cast.library(me.id(), shot.projectId()));
        model.addAttribute("error", error);
        return "element/cast :: box";
    }
}
