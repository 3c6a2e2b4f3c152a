package app.kadr.element;

import app.kadr.account.CurrentUser;
import app.kadr.asset.GalleryFilter;
import app.kadr.asset.GalleryItem;
import app.kadr.asset.GalleryService;
import app.kadr.catalog.LoraWeights;
import app.kadr.project.ProjectService;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The project's element library page: cards with their reference thumbnails, and one dialog that creates or edits an
 * element. The dialog's form posts with htmx; a refusal comes back as the form with its message, a save as the
 * refreshed cards with {@code element-saved} for the script to close the dialog.
 */
@Controller
class ElementPages {

    /** How many of the person's newest image takes the dialog offers as references. */
    static final int OFFERED_TAKES = 48;
    /** How many of the project's newest audio takes the dialog offers as a character's voice. */
    static final int OFFERED_VOICES = 48;

    private final ElementService elements;
    private final ProjectService projects;
    private final GalleryService gallery;
    private final Messages messages;
    private final app.kadr.catalog.Catalog catalog;

    ElementPages(
            ElementService elements,
            ProjectService projects,
            GalleryService gallery,
            Messages messages,
            app.kadr.catalog.Catalog catalog) {
        this.catalog = catalog;
        this.elements = elements;
        this.projects = projects;
        this.gallery = gallery;
        this.messages = messages;
    }

    /**
     * The dialog's fields; unticked references arrive as none, which for a form means «no references», and the empty
     * choice of LoRA means «no LoRA».
     */
    record ElementForm(
            @Nullable String kind,
            @Nullable String handle,
            @Nullable String name,
            @Nullable String description,
            @Nullable List<UUID> referenceAssetIds,
            @Nullable String voiceNote,
            @Nullable String voiceAssetId,
            @Nullable String loraModelId,
            @Nullable String loraWeight) {

        ElementForm(
                @Nullable String kind,
                @Nullable String handle,
                @Nullable String name,
                @Nullable String description,
                @Nullable List<UUID> referenceAssetIds) {
            this(kind, handle, name, description, referenceAssetIds, "", "", "", "");
        }

        /** A voice is a character's: the hidden voice fields of another kind send nothing. */
        ElementChange change() {
            boolean character = "character".equals(kind);
            String lora = loraModelId == null ? "" : loraModelId;
            return new ElementChange(
                    kind,
                    handle,
                    name,
                    description,
                    referenceAssetIds == null ? List.of() : referenceAssetIds,
                    voiceNote == null || !character ? "" : voiceNote,
                    voiceAssetId == null || !character ? "" : voiceAssetId,
                    lora,
                    lora.isBlank() ? null : LoraWeights.typed(loraWeight, "loraWeight", "element.lora.weight_number"));
        }
    }

    @GetMapping("/projects/{projectId}/elements")
    String page(CurrentUser me, @PathVariable UUID projectId, Model model) {
        model.addAttribute("project", projects.get(me.id(), projectId));
        model.addAttribute("elements", elements.list(me.id(), projectId));
        return "element/page";
    }

    @GetMapping("/projects/{projectId}/elements/new")
    String newForm(CurrentUser me, @PathVariable UUID projectId, Model model) {
        projects.get(me.id(), projectId);
        return form(me, model, projectId, null, new ElementForm("character", "", "", "", List.of()), null);
    }

    @GetMapping("/elements/{elementId}/edit")
    String editForm(CurrentUser me, @PathVariable UUID elementId, Model model) {
        Element element = elements.get(me.id(), elementId);
        ElementForm values = new ElementForm(
                element.kind(),
                element.handle(),
                element.name(),
                element.description(),
                element.referenceAssetIds(),
                element.voiceNote(),
                element.voiceAssetId() == null ? "" : element.voiceAssetId().toString(),
                element.loraModelId() == null ? "" : element.loraModelId().toString(),
                element.loraWeight() == null ? "" : element.loraWeight().toPlainString());
        return form(me, model, element.projectId(), element, values, null);
    }

    @PostMapping("/projects/{projectId}/elements")
    String create(
            CurrentUser me,
            @PathVariable UUID projectId,
            @ModelAttribute ElementForm values,
            Model model,
            HttpServletResponse response) {
        try {
            elements.create(me.id(), projectId, values.change());
        } catch (KadrException refused) {
            return refused(me, model, projectId, null, values, refused);
        }
        return saved(me, projectId, model, response);
    }

    @PostMapping("/elements/{elementId}/edit")
    String edit(
            CurrentUser me,
            @PathVariable UUID elementId,
            @ModelAttribute ElementForm values,
            Model model,
            HttpServletResponse response) {
        Element element = elements.get(me.id(), elementId);
        try {
            elements.update(me.id(), elementId, values.change());
        } catch (KadrException refused) {
            return refused(me, model, element.projectId(), element, values, refused);
        }
        return saved(me, element.projectId(), model, response);
    }

    @PostMapping("/elements/{elementId}/trash")
    String trash(CurrentUser me, @PathVariable UUID elementId, Model model, HttpServletResponse response) {
        UUID projectId = elements.get(me.id(), elementId).projectId();
        elements.moveToTrash(me.id(), elementId);
        return saved(me, projectId, model, response);
    }

    private String saved(CurrentUser me, UUID projectId, Model model, HttpServletResponse response) {
        model.addAttribute("elements", elements.list(me.id(), projectId));
        response.setHeader("HX-Retarget", "#elements");
        response.setHeader("HX-Reswap", "outerHTML");
        response.setHeader("HX-Trigger", "element-saved");
        return "element/page :: cards";
    }

    private String refused(
            CurrentUser me,
            Model model,
            UUID projectId,
            @Nullable Element element,
            ElementForm values,
            KadrException refused) {
        if (refused.problem() == Problem.NOT_FOUND) {
            throw refused; // someone else's take or element is not there, not a form to show again
        }
        return form(me, model, projectId, element, values, messages.detailOf(refused));
    }

    private String form(
            CurrentUser me,
            Model model,
            UUID projectId,
            @Nullable Element element,
            ElementForm values,
            @Nullable String error) {
        List<UUID> chosen = values.referenceAssetIds() == null ? List.of() : values.referenceAssetIds();
        List<GalleryItem> takes = gallery.search(
                        me.id(),
                        new GalleryFilter(null, "image", null, null, null, null, null, null, null),
                        null,
                        OFFERED_TAKES)
                .items();
        model.addAttribute("projectId", projectId);
        model.addAttribute("element", element);
        model.addAttribute("values", values);
        model.addAttribute("chosen", chosen);
        model.addAttribute("kinds", Arrays.asList(ElementKind.values()));
        model.addAttribute("chosenTakes", element == null ? List.of() : element.references());
        model.addAttribute(
                "takes",
                takes.stream()
                        .filter(take -> !chosenShown(element, take.asset().id()))
                        .toList());
        model.addAttribute(
                "voices",
                gallery.search(
                                me.id(),
                                new GalleryFilter(null, "audio", projectId, null, null, null, null, null, null),
                                null,
                                OFFERED_VOICES)
                        .items());
        model.addAttribute("loras", catalog.loras());
        model.addAttribute("error", error);
        return "element/page :: form";
    }

    private static boolean chosenShown(@Nullable Element element, UUID assetId) {
        return element != null
                && element.references().stream().anyMatch(r -> r.assetId().equals(assetId));
    }
}
