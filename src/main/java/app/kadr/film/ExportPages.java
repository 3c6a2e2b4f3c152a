package app.kadr.film;

import app.kadr.account.CurrentUser;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The «Экспорт» menu of the storyboard page: loaded by htmx into its place, ordering an export answers the
 * refreshed list, which polls itself while something is being made.
 */
@Controller
class ExportPages {

    private final ExportService exports;

    ExportPages(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/projects/{projectId}/exports/menu")
    String menu(CurrentUser me, @PathVariable UUID projectId, Model model) {
        return listed(me, projectId, model, "film/exports :: menu");
    }

    @GetMapping("/projects/{projectId}/exports/list")
    String list(CurrentUser me, @PathVariable UUID projectId, Model model) {
        return listed(me, projectId, model, "film/exports :: list");
    }

    @PostMapping("/projects/{projectId}/exports")
    String order(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Integer resolution,
            @RequestParam(required = false) boolean burnIn,
            Model model) {
        exports.order(me.id(), projectId, new ExportService.Order(kind, resolution, burnIn, null));
        return listed(me, projectId, model, "film/exports :: list");
    }

    @PostMapping("/exports/{exportId}/delete")
    String delete(CurrentUser me, @PathVariable UUID exportId, Model model) {
        UUID projectId = exports.get(me.id(), exportId).projectId();
        exports.delete(me.id(), exportId);
        return listed(me, projectId, model, "film/exports :: list");
    }

    private String listed(CurrentUser me, UUID projectId, Model model, String view) {
        model.addAttribute("projectId", projectId);
        model.addAttribute("exports", exports.ofProject(me.id(), projectId));
        return view;
    }
}
