package app.kadr.account;

import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountPages {

    record SignupForm(String username, String displayName, String password, String passwordRepeat) {
        static SignupForm empty() {
            return new SignupForm("", "", "", "");
        }
    }

    private final Accounts accounts;
    private final Messages messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountPages(Accounts accounts, Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("signupOpen", accounts.signupOpen());
        return "account/login";
    }

    @GetMapping("/signup")
    String signupForm(Model model) {
        model.addAttribute("form", SignupForm.empty());
        model.addAttribute("signupOpen", accounts.signupOpen());
        return "account/signup";
    }

    @PostMapping("/signup")
    String signup(
            @ModelAttribute("form") SignupForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("signupOpen", accounts.signupOpen());
        if (form.password() != null && !form.password().equals(form.passwordRepeat())) {
            return signupError(model, "passwordRepeat", messages.get("signup.password.mismatch"));
        }
        CurrentUser user;
        try {
            user = accounts.signup(form.username(), form.password(), form.displayName());
        } catch (KadrException e) {
            return signupError(model, e.field(), messages.detailOf(e));
        }
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(PasswordLogin.authenticated(user));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }

    private static String signupError(Model model, String field, String message) {
        model.addAttribute("errorField", field);
        model.addAttribute("error", message);
        return "account/signup";
    }

    @GetMapping("/account")
    String account(CurrentUser me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("tokens", accounts.tokensOf(me.id()));
        return "account/account";
    }

    @PostMapping("/account/tokens")
    String createToken(CurrentUser me, String name, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "newToken", accounts.issueToken(me.id(), name).secret());
        } catch (KadrException e) {
            redirect.addFlashAttribute("error", messages.detailOf(e));
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revokeToken(CurrentUser me, @PathVariable UUID tokenId) {
        accounts.revokeToken(me.id(), tokenId);
        return "redirect:/account";
    }
}
