package app.kadr.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Asks {@link AdminOnly}'s rule before Spring MVC reads the request. Method security checks when the controller
 * method is called, which is after its arguments are bound and validated, so a person who is not an admin would see
 * «Неверные данные» for an incomplete form before being refused. This evaluates the same {@code @PreAuthorize}
 * expression (not a copy of it) first; the method's own check stays in place behind it.
 */
@Configuration
class AdminOnlyFirst implements HandlerInterceptor, WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager rule = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && adminOnly(method)) {
            AuthorizationResult result = rule.authorize(
                    SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            if (result != null && !result.isGranted()) {
                throw new AuthorizationDeniedException("For admins only", result);
            }
        }
        return true;
    }

    private static boolean adminOnly(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), AdminOnly.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), AdminOnly.class);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }
}
