package app.kadr.account;

import app.kadr.shared.KadrException;
import app.kadr.shared.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AccountApi {

    record SignupRequest(String username, String password, String displayName) {}

    record TokenRequest(String username, String password, String name) {}

    record TokenCreated(UUID id, String name, String token) {}

    record Me(UUID id, String username, String displayName, String role) {
        static Me of(CurrentUser user) {
            return new Me(
                    user.id(),
                    user.username(),
                    user.displayName(),
                    user.role().name().toLowerCase());
        }
    }

    private final Accounts accounts;
    private final PasswordLogin login;

    AccountApi(Accounts accounts, PasswordLogin login) {
        this.accounts = accounts;
        this.login = login;
    }

    @PostMapping("/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    Me signup(@RequestBody SignupRequest body) {
        return Me.of(accounts.signup(body.username(), body.password(), body.displayName()));
    }

    @PostMapping("/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenCreated token(@RequestBody TokenRequest body, HttpServletRequest request) {
        CurrentUser user;
        try {
            user = login.login(body.username(), body.password(), request.getRemoteAddr());
        } catch (PasswordLogin.Throttled e) {
            throw e.asProblem();
        } catch (AuthenticationException e) {
            throw KadrException.of(Problem.UNAUTHORIZED, "login.bad_credentials");
        }
        ApiTokens.Issued issued = accounts.issueToken(user.id(), body.name());
        return new TokenCreated(issued.token().id(), issued.token().name(), issued.secret());
    }

    @GetMapping("/me")
    Me me(CurrentUser me) {
        return Me.of(me);
    }

    @GetMapping("/me/tokens")
    List<ApiToken> tokens(CurrentUser me) {
        return accounts.tokensOf(me.id());
    }

    @DeleteMapping("/me/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser me, @PathVariable UUID tokenId) {
        accounts.revokeToken(me.id(), tokenId);
    }
}
