package app.kadr.account;

import app.kadr.shared.KadrProperties;
import app.kadr.shared.Problem;
import app.kadr.shared.ProblemResponses;
import app.kadr.storage.BlobStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what: pages and API need an account, except login, sign-up, health, docs, share links and
 * providers' (signed) webhooks. Admin-only actions carry {@link AdminOnly} (method security); whose object an id
 * names is answered by {@code shared.Access}.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String[] PUBLIC = {
        "/login",
        "/signup",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/api-docs",
        "/swagger-ui/**",
        "/api/v1/auth/**",
        "/s/**",
        "/api/v1/public/**",
        "/api/v1/webhooks/**"
    };

    @Bean
    SecurityFilterChain security(
            HttpSecurity http,
            ApiTokenFilter apiTokens,
            PasswordLogin passwordLogin,
            ProblemResponses problems,
            KadrProperties properties,
            BlobStore blobs)
            throws Exception {
        // With a bucket, the box page sends big videos straight into it and presigned downloads show media from it.
        String bucket = blobs.browserOrigin().map(origin -> " " + origin).orElse("");
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        RequestMatcher bearer = request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        // A path, not an address built from the request's Host header (which the sender writes).
        loginPage.setFavorRelativeUris(true);
        CookieRequestCache returnAddress = returnAddressCookie(api);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC)
                        .permitAll()
                        // Metrics tell how the studio is used and by how many: for admins only.
                        .requestMatchers("/actuator/prometheus", "/actuator/prometheus/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                // The form's own manager, with no parent: Spring's global manager would also hold PasswordLogin
                // (the only provider bean) and ask it again after a failure, counting every wrong password twice.
                .authenticationManager(new ProviderManager(passwordLogin))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new ReturnAfterLogin(returnAddress))
                        .failureHandler(passwordLogin::onFailure))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // A session is made when someone signs in, never before: the pages' CSRF token and the address to
                // return to after login live in cookies, so anonymous visitors and scripts with a token (stateless,
                // see ApiTokenFilter) leave nothing on the server however many requests they send.
                .requestCache(cache -> cache.requestCache(returnAddress))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie(properties.cookieSecure()))
                        .ignoringRequestMatchers(
                                bearer,
                                request -> request.getRequestURI().startsWith("/api/v1/auth/"),
                                // A share link's client has no account and no session to bind a token to; the
                                // public JSON endpoints check instead that the browser says the request is
                                // same-origin (sharing.SameOrigin), which stops other sites posting with the
                                // client's unlock cookie.
                                request -> request.getRequestURI().startsWith("/api/v1/public/"),
                                // Providers' webhooks come from their servers, not a browser, so there is no session
                                // for a forged request to ride on; each is authenticated by its signature instead
                                // (generation.FalWebhookApi).
                                request -> request.getRequestURI().startsWith("/api/v1/webhooks/")))
                .addFilterBefore(apiTokens, UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            if (api.matches(request)) {
                                problems.write(response, Problem.UNAUTHORIZED, "problem.unauthorized.detail", null);
                            } else if (isHtmx(request)) {
                                response.setHeader("HX-Redirect", "/login");
                                response.setStatus(401);
                            } else {
                                loginPage.commence(request, response, e);
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            if (api.matches(request)) {
                                problems.write(response, Problem.FORBIDDEN, "problem.csrf.detail", null);
                            } else {
                                response.sendError(403);
                            }
                        }))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'self'; connect-src 'self'" + bucket
                                + "; img-src 'self' data: blob:" + bucket + "; media-src 'self' blob:" + bucket + "; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
                                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'")));
        return http.build();
    }

    /**
     * The CSRF token as a cookie the page's form or meta tag must repeat (Spring Security's double-submit
     * repository): HttpOnly, since pages carry the token in their HTML and scripts read it there.
     */
    private static CookieCsrfTokenRepository csrfCookie(boolean secure) {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (secure) {
                cookie.secure(true);
            }
        });
        return repository;
    }

    /** The page a signed-out person opened, to return to after login: kept for pages only, in a cookie. */
    private static CookieRequestCache returnAddressCookie(RequestMatcher api) {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(
                request -> "GET".equals(request.getMethod()) && !api.matches(request) && !isHtmx(request));
        return cache;
    }

    /** The token filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilterOutsideChain(ApiTokenFilter filter) {
        FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * New hashes are PBKDF2-HMAC-SHA256 (Spring Security's 5.8 defaults: 310,000 iterations), which takes passwords
     * of any length; bcrypt, the earlier default, reads only 72 bytes (37 Cyrillic letters) and refuses more.
     * Hashes of either kind are recognised by their {@code {id}} prefix, so older accounts keep working.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String pbkdf2 = "pbkdf2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(
                pbkdf2,
                Map.of(
                        pbkdf2,
                        Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new ShortPasswordsBcrypt()));
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }
}
