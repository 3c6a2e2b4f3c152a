package app.kadr.smartedit;

import app.kadr.account.AdminOnly;
import app.kadr.account.CurrentUser;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /settings/agent: where an admin points the smart-edit agent at an OpenAI-compatible server. */
@Controller
@AdminOnly
class AgentSettingsPage {

    private final AgentSettings settings;
    private final AgentSettingsApi api;
    private final Messages messages;

    AgentSettingsPage(AgentSettings settings, AgentSettingsApi api, Messages messages) {
        this.settings = settings;
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/settings/agent")
    String page(CurrentUser me, Model model) {
        model.addAttribute("agent", settings.view());
        return "smartedit/settings";
    }

    @PostMapping("/settings/agent")
    String save(
            CurrentUser me,
            @Nullable String baseUrl,
            @Nullable String model,
            @Nullable String apiKey,
            @Nullable Boolean clearKey,
            @Nullable Boolean selfHosted,
            RedirectAttributes redirect) {
        try {
            api.save(
                    me,
                    new AgentSettingsApi.Changes(baseUrl, model, apiKey, clearKey, selfHosted != null && selfHosted));
            redirect.addFlashAttribute("notice", messages.get("agent.settings.saved"));
        } catch (KadrException e) {
            redirect.addFlashAttribute("error", messages.detailOf(e));
        }
        return "redirect:/settings/agent";
    }
}
