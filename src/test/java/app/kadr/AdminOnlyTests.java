package app.kadr;

import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.account.AdminOnly;
import app.kadr.support.Api;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Admin-only actions are marked {@link AdminOnly} and nothing else checks the role: this finds every marked address in
 * the application's own request mappings and asks it as a person who is not an admin. The API refuses with a Russian
 * 403 problem; an admin page does not exist for anyone else (404). Addresses under the admin's prefixes must carry the
 * mark, so a new admin endpoint cannot forget it.
 */
@KadrTest
class AdminOnlyTests {

    /** Where only admins go: the catalog's admin pages, providers (with their keys) and the studio's settings. */
    private static final List<String> ADMIN_PREFIXES =
            List.of("/admin/", "/settings/", "/api/v1/settings/", "/api/v1/providers");

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    Studio studio;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Studio.Person person;
    Studio.Person admin;

    @BeforeEach
    void aPersonAndAnAdmin() {
        person = studio.newPerson();
        admin = studio.newAdmin();
    }

    record Call(HttpMethod method, String path) {

        boolean api() {
            return path.startsWith("/api/");
        }
    }

    private List<Call> adminAddresses() {
        List<Call> calls = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (!adminOnly(handler)) {
                return;
            }
            for (String pattern : mapping.getPatternValues()) {
                String path = pattern.replaceAll("\\{\\w+}", UUID.randomUUID().toString());
                Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    calls.add(new Call(method.asHttpMethod(), path));
                }
            }
        });
        calls.sort(Comparator.comparing(Call::path)
                .thenComparing(call -> call.method().name()));
        return calls;
    }

    private static boolean adminOnly(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), AdminOnly.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), AdminOnly.class);
    }

    private static Api.Response ask(Api api, Call call) {
        if (call.api()) {
            return api.request(call.method(), call.path(), call.method() == HttpMethod.GET ? null : Map.of());
        }
        return call.method() == HttpMethod.GET ? api.get(call.path(), HTML) : api.form(call.path(), Map.of());
    }

    @TestFactory
    Stream<DynamicTest> everyAdminAddressRefusesAPersonWhoIsNotAnAdmin() {
        List<Call> calls = adminAddresses();
        assertThat(calls)
                .as("admin-only addresses found in the request mappings")
                .hasSizeGreaterThan(15);
        return calls.stream()
                .map(call -> DynamicTest.dynamicTest(call.method() + " " + call.path(), () -> {
                    Api.Response answer = ask(person.api(), call);
                    if (call.api()) {
                        assertThat(answer.status()).as(call + " → " + answer).isEqualTo(403);
                        assertThat(answer.string("code")).isEqualTo("forbidden");
                        assertThat(answer.string("detail")).isEqualTo("Это может только администратор.");
                    } else {
                        assertThat(answer.status()).as(call + " → " + answer).isEqualTo(404);
                        assertThat(answer.text()).contains("Не найдено");
                    }
                }));
    }

    @Test
    void everyAddressUnderTheAdminPrefixesIsMarked() {
        Set<String> unmarked = new TreeSet<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            for (String pattern : mapping.getPatternValues()) {
                if (ADMIN_PREFIXES.stream().anyMatch(pattern::startsWith) && !adminOnly(handler)) {
                    unmarked.add(mapping.getMethodsCondition() + " " + pattern);
                }
            }
        });
        assertThat(unmarked).as("admin addresses without @AdminOnly").isEmpty();
    }

    @Test
    void theMarkLetsAnAdminThrough() {
        for (String page : List.of("/admin/catalog", "/admin/catalog/models", "/settings/agent")) {
            assertThat(admin.api().get(page, HTML).status()).as(page).isEqualTo(200);
        }
        for (String path : List.of("/api/v1/providers", "/api/v1/settings/agent")) {
            assertThat(admin.api().get(path).status()).as(path).isEqualTo(200);
        }
    }
}
