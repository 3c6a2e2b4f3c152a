package app.kadr.project;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Cursor;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ProjectPages {

    private final ProjectService projects;
    private final Messages messages;

    ProjectPages(ProjectService projects, Messages messages) {
        this.projects = projects;
        this.messages = messages;
    }

    @GetMapping("/")
    String list(CurrentUser me, Model model) {
        model.addAttribute(
                "projects", projects.list(me.id(), null, Cursor.MAX_LIMIT).items());
        return "project/list";
    }

    @PostMapping("/projects")
    String create(CurrentUser me, String name, String description, Model model) {
        try {
            return "redirect:/projects/"
                    + projects.create(me.id(), name, description).id();
        } catch (KadrException e) {
            model.addAttribute("error", messages.detailOf(e));
            model.addAttribute("name", name);
            model.addAttribute("description", description);
            return list(me, model);
        }
    }

    @PostMapping("/projects/{projectId}/edit")
    String edit(
            CurrentUser me,
            @PathVariable UUID projectId,
            String name,
            String description,
            @RequestParam(required = false) @Nullable Integer fps,
            @RequestParam(required = false) @Nullable String aspectRatio,
            RedirectAttributes redirect) {
        try {
            projects.update(me.id(), projectId, name, description, fps, aspectRatio);
        } catch (KadrException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                throw e; // another person's project is not there, not a form to show again
            }
            redirect.addFlashAttribute("error", messages.detailOf(e));
        }
        return "redirect:/projects/" + projectId;
    }

    @PostMapping("/projects/{projectId}/trash")
    String trash(CurrentUser me, @PathVariable UUID projectId, RedirectAttributes redirect) {
        projects.moveToTrash(me.id(), projectId);
        redirect.addFlashAttribute("notice", messages.get("project.trashed"));
        return "redirect:/";
    }
}
