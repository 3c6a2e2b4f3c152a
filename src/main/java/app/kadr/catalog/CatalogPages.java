package app.kadr.catalog;

import app.kadr.account.AdminOnly;
import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's catalog pages: providers (address, key, limit, on/off) and models (list with search, the full form).
 * Changes go through {@link CatalogAdmin}, the same checks as the API; a refusal is shown next to its field. For
 * anyone but an admin the pages do not exist (404), like someone else's project.
 */
@Controller
@AdminOnly
class CatalogPages {

    static final int STATUS_INVALID = 422;

    private final Catalog catalog;
    private final CatalogAdmin admin;
    private final ModelForms forms;
    private final Messages messages;

    private final LoraAdmin loraAdmin;

    CatalogPages(Catalog catalog, CatalogAdmin admin, ModelForms forms, Messages messages, LoraAdmin loraAdmin) {
        this.catalog = catalog;
        this.admin = admin;
        this.loraAdmin = loraAdmin;
        this.forms = forms;
        this.messages = messages;
    }

    /** What the provider form sends; a blank key means «leave as it is», {@code clearKey} removes it. */
    record ProviderForm(
            @Nullable String baseUrl,
            @Nullable String apiKey,
            @Nullable String clearKey,
            @Nullable String enabled,
            @Nullable String maxConcurrency,
            @Nullable String selfHosted) {}

    /** What the LoRA form sends: everything as typed, the weight checked as a number here. */
    record LoraForm(
            @Nullable UUID providerId,
            @Nullable String externalId,
            @Nullable String name,
            @Nullable String triggerWord,
            @Nullable String defaultWeight) {}

    /** A refusal on the LoRA form, with what was typed so nothing is lost. */
    record LoraError(String field, String message, LoraForm form) {}

    /** A refusal on one provider's form. */
    record ProviderError(UUID providerId, String field, String message) {}

    /** The models' search and filters, each of which may be missing. */
    record Filters(
            @Nullable String q,
            @Nullable String task,
            @Nullable String provider) {

        static final Filters NONE = new Filters(null, null, null);

        /** Unknown filter values simply match nothing in particular: the page is not the API. */
        List<CatalogModel> models(Catalog catalog) {
            return catalog.models(
                    Task.of(task).orElse(null), ProviderKind.of(provider).orElse(null), q, false);
        }
    }

    @GetMapping("/admin/catalog")
    String page(CurrentUser me, @ModelAttribute Filters filters, Model model) {
        pageModel(model, filters);
        return "catalog/admin";
    }

    /** The models' table alone, for the search and filters (htmx). */
    @GetMapping("/admin/catalog/models")
    String models(CurrentUser me, @ModelAttribute Filters filters, Model model) {
        model.addAttribute("models", filters.models(catalog));
        return "catalog/parts :: models";
    }

    @PostMapping("/admin/catalog/providers/{providerId}")
    String updateProvider(
            CurrentUser me,
            @PathVariable UUID providerId,
            @ModelAttribute ProviderForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Provider current = catalog.provider(providerId).orElseThrow(KadrException::notFound);
        try {
            admin.updateProvider(me, providerId, changes(current, form));
        } catch (KadrException e) {
            if (e.field() == null) {
                throw e;
            }
            response.setStatus(STATUS_INVALID);
            pageModel(model, Filters.NONE);
            model.addAttribute("providerError", new ProviderError(providerId, e.field(), messages.detailOf(e)));
            return "catalog/admin";
        }
        redirect.addFlashAttribute("saved", messages.get("catalog.admin.provider.saved", current.name()));
        return "redirect:/admin/catalog";
    }

    /** «Добавить LoRA»: a new entry of the catalog; a refusal is shown next to its field, the form kept. */
    @PostMapping("/admin/catalog/loras")
    String addLora(
            CurrentUser me,
            @ModelAttribute LoraForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            CatalogLora lora = loraAdmin.create(
                    me,
                    new LoraChanges(
                            form.providerId(),
                            null,
                            form.externalId(),
                            form.name(),
                            form.triggerWord(),
                            LoraWeights.typed(form.defaultWeight(), "defaultWeight", "catalog.lora.weight_number")));
            redirect.addFlashAttribute("saved", messages.get("catalog.admin.lora.saved", lora.name()));
            return "redirect:/admin/catalog#loras";
        } catch (KadrException e) {
            // A duplicate has no field of its own: it is the id that is taken.
            response.setStatus(STATUS_INVALID);
            pageModel(model, Filters.NONE);
            model.addAttribute(
                    "loraError",
                    new LoraError(e.field() == null ? "externalId" : e.field(), messages.detailOf(e), form));
            return "catalog/admin";
        }
    }

    /** «Проверить подключение» on the providers' table: the result in Russian, in place of the last one (htmx). */
    @PostMapping("/admin/catalog/providers/{providerId}/check")
    String check(CurrentUser me, @PathVariable UUID providerId, Model model) {
        Provider provider = catalog.provider(providerId).orElseThrow(KadrException::notFound);
        model.addAttribute("check", admin.check(me, providerId));
        model.addAttribute("kind", provider.kind().code());
        return "catalog/parts :: check";
    }

    @GetMapping("/admin/catalog/models/new")
    String newModel(CurrentUser me, Model model) {
        return modelPage(model, null, ModelForms.Form.empty(), Map.of());
    }

    @GetMapping("/admin/catalog/models/{modelId}")
    String editModel(CurrentUser me, @PathVariable UUID modelId, Model model) {
        CatalogModel current = catalog.find(modelId).orElseThrow(KadrException::notFound);
        return modelPage(model, current, forms.of(current), Map.of());
    }

    @PostMapping("/admin/catalog/models")
    String create(
            CurrentUser me,
            @ModelAttribute ModelForms.Form form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(
                () -> admin.create(me, forms.changes(form, true)),
                "catalog.admin.model.added",
                null,
                form,
                model,
                response,
                redirect);
    }

    @PostMapping("/admin/catalog/models/{modelId}")
    String update(
            CurrentUser me,
            @PathVariable UUID modelId,
            @ModelAttribute ModelForms.Form form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CatalogModel current = catalog.find(modelId).orElseThrow(KadrException::notFound);
        return save(
                () -> admin.update(me, modelId, forms.changes(form, false)),
                "catalog.admin.model.saved",
                current,
                form,
                model,
                response,
                redirect);
    }

    /**
     * Saves a model from its form: back to the list with a notice naming it, or the form again with each refusal
     * next to its field.
     */
    private String save(
            Supplier<CatalogModel> saving,
            String noticeKey,
            @Nullable CatalogModel current,
            ModelForms.Form form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            CatalogModel saved = saving.get();
            redirect.addFlashAttribute("saved", messages.get(noticeKey, saved.name()));
            return "redirect:/admin/catalog";
        } catch (ModelForms.Invalid | KadrException e) {
            response.setStatus(STATUS_INVALID);
            return modelPage(model, current, form, forms.errors(e));
        }
    }

    /** Switches a model on or off from the list; htmx gets the row back, a plain form the page. */
    @PostMapping("/admin/catalog/models/{modelId}/enabled")
    String switchModel(
            CurrentUser me,
            @PathVariable UUID modelId,
            @RequestParam boolean enabled,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        CatalogModel saved = admin.update(me, modelId, ModelForms.switched(enabled));
        if (htmx == null) {
            return "redirect:/admin/catalog";
        }
        model.addAttribute("m", saved);
        return "catalog/parts :: model-row";
    }

    private void pageModel(Model model, Filters filters) {
        model.addAttribute("providers", catalog.providers());
        model.addAttribute("models", filters.models(catalog));
        model.addAttribute("loras", catalog.loras());
        model.addAttribute(
                "loraProviders",
                catalog.providers().stream()
                        .filter(p -> LoraWeights.of(p.kind()).isPresent())
                        .toList());
        model.addAttribute("q", filters.q() == null ? "" : filters.q());
        model.addAttribute("task", filters.task() == null ? "" : filters.task());
        model.addAttribute("provider", filters.provider() == null ? "" : filters.provider());
        model.addAttribute("tasks", Arrays.stream(Task.values()).map(Task::code).toList());
        model.addAttribute(
                "kinds",
                Arrays.stream(ProviderKind.values()).map(ProviderKind::code).toList());
    }

    private String modelPage(
            Model model, @Nullable CatalogModel current, ModelForms.Form form, Map<String, String> errors) {
        model.addAttribute("current", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("providers", catalog.providers());
        model.addAttribute("tasks", Arrays.stream(Task.values()).map(Task::code).toList());
        model.addAttribute(
                "qualities", Arrays.stream(Quality.values()).map(Quality::code).toList());
        model.addAttribute(
                "units",
                Arrays.stream(Price.Unit.values()).map(Price.Unit::code).toList());
        return "catalog/model";
    }

    private static ProviderChanges changes(Provider current, ProviderForm form) {
        String key = form.clearKey() != null ? "" : blankToNull(form.apiKey());
        Integer concurrency;
        try {
            concurrency = form.maxConcurrency() == null
                    ? null
                    : Integer.valueOf(form.maxConcurrency().strip());
        } catch (NumberFormatException e) {
            concurrency = 0; // refused below in Russian, like any number out of range
        }
        String baseUrl = current.kind() == ProviderKind.LOCAL ? null : blankToNull(form.baseUrl());
        Boolean selfHosted = current.kind() == ProviderKind.LOCAL ? null : form.selfHosted() != null;
        return new ProviderChanges(baseUrl, key, form.enabled() != null, concurrency, selfHosted);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
