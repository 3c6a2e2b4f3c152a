package app.kadr.script;

import app.kadr.account.CurrentUser;
import app.kadr.project.ProjectService;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The «Сценарий → шоты» page: paste a script, read it into a table of proposed shots, edit or remove rows, confirm.
 * The table posts back its rows as parallel fields (one of each per row, in order); a refusal shows the table again
 * with its message and the rows as they were edited, a confirmation goes back to the storyboard.
 */
@Controller
class ScriptPages {

    private final ScriptService scripts;
    private final ProjectService projects;
    private final Messages messages;

    ScriptPages(ScriptService scripts, ProjectService projects, Messages messages) {
        this.scripts = scripts;
        this.projects = projects;
        this.messages = messages;
    }

    /** A row of the table as the page shows it: the duration as seconds typed by a person. */
    record Row(String title, String description, String duration, String camera, String elements) {

        static Row of(ProposedShot shot) {
            return new Row(
                    text(shot.title()),
                    text(shot.description()),
                    shot.durationMs() == null ? "" : Durations.format(shot.durationMs()),
                    text(shot.camera()),
                    String.join(
                            " ",
                            (shot.elements() == null ? List.<String>of() : shot.elements())
                                    .stream().map(h -> "@" + h).toList()));
        }

        ProposedShot shot() {
            Long ms = Durations.parse(duration);
            List<String> names = Arrays.stream(elements.split("[\\s,;]+"))
                    .filter(name -> !name.isBlank())
                    .toList();
            return new ProposedShot(title, description, ms, camera, names);
        }
    }

    @GetMapping("/projects/{projectId}/script")
    String page(CurrentUser me, @PathVariable UUID projectId, Model model) {
        model.addAttribute("project", projects.get(me.id(), projectId));
        return "script/page";
    }

    @PostMapping("/projects/{projectId}/script")
    String propose(
            CurrentUser me,
            @PathVariable UUID projectId,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String format,
            Model model) {
        try {
            Proposal proposal = scripts.propose(me.id(), projectId, text, format);
            List<Row> rows = proposal.shots().stream().map(Row::of).toList();
            Set<String> chosen = new java.util.HashSet<>();
            proposal.newElements().forEach(e -> chosen.add(e.handle()));
            return table(model, projectId, proposal, rows, chosen, null);
        } catch (KadrException refused) {
            if (refused.problem() == Problem.NOT_FOUND) {
                throw refused;
            }
            model.addAttribute("error", messages.detailOf(refused));
            return "script/page :: refused";
        }
    }

    @PostMapping("/projects/{projectId}/script/{proposalId}/apply")
    String apply(
            CurrentUser me,
            @PathVariable UUID projectId,
            @PathVariable UUID proposalId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Proposal proposal = scripts.get(me.id(), projectId, proposalId);
        List<Row> rows = rows(request);
        Set<String> chosen = Set.copyOf(values(request, "newElement"));
        List<ProposedElement> newElements = proposal.newElements().stream()
                .filter(e -> chosen.contains(e.handle()))
                .toList();
        try {
            scripts.apply(
                    me.id(),
                    projectId,
                    proposalId,
                    new ScriptService.Confirmed(rows.stream().map(Row::shot).toList(), newElements));
        } catch (KadrException refused) {
            if (refused.problem() == Problem.NOT_FOUND) {
                throw refused;
            }
            return table(model, projectId, proposal, rows, chosen, messages.detailOf(refused));
        }
        response.setHeader("HX-Redirect", "/projects/" + projectId);
        return "script/page :: refused";
    }

    private String table(
            Model model,
            UUID projectId,
            Proposal proposal,
            List<Row> rows,
            Set<String> chosen,
            @Nullable String error) {
        model.addAttribute("projectId", projectId);
        model.addAttribute("proposal", proposal);
        model.addAttribute("rows", rows);
        model.addAttribute("chosen", chosen);
        model.addAttribute("error", error);
        return "script/page :: proposal";
    }

    /**
     * The rows as posted: the n-th title, description, duration, camera and elements fields make the n-th row. Read
     * from the request itself: bound to a list, a single value would be split at its commas.
     */
    private static List<Row> rows(HttpServletRequest request) {
        List<String> titles = values(request, "title");
        List<String> descriptions = values(request, "description");
        List<String> durations = values(request, "duration");
        List<String> cameras = values(request, "camera");
        List<String> elements = values(request, "elements");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            rows.add(new Row(titles.get(i), at(descriptions, i), at(durations, i), at(cameras, i), at(elements, i)));
        }
        return rows;
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
