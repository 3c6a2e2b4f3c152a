package app.kadr.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Content negotiation before the handler runs. Spring chooses the answer's format after the handler has
 * returned, that is after its transaction committed: a client that accepts only XML would get an error for a
 * project that was created anyway, and create it again on retry. So an API call whose answer is JSON is
 * refused here, before anything happens, when its {@code Accept} header is unreadable (400) or rules JSON out
 * (406). Handlers that declare what they produce are negotiated by their mapping, also before they run.
 */
@Component
class AcceptCheck implements HandlerInterceptor, WebMvcConfigurer {

    private static final MediaType ANY_JSON = new MediaType("application", "*+json");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) == null
                && writesJson(method)
                && !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            throw KadrException.of(Problem.NOT_ACCEPTABLE, "problem.not_acceptable.detail");
        }
        return true;
    }

    private static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw KadrException.invalid(HttpHeaders.ACCEPT, "problem.accept.invalid");
        }
        return acceptable.stream()
                .anyMatch(type -> type.includes(MediaType.APPLICATION_JSON) || ANY_JSON.includes(type));
    }

    /** Whether the handler's answer is a value that Jackson writes, as opposed to nothing, a file or a stream. */
    private static boolean writesJson(HandlerMethod method) {
        if (!method.getBeanType().isAnnotationPresent(RestController.class)) {
            return false;
        }
        ResolvableType type = ResolvableType.forMethodReturnType(method.getMethod());
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> body = type.toClass();
        return body != void.class
                && body != Void.class
                && body != Object.class
                && body != byte[].class
                && body != String.class
                && !Resource.class.isAssignableFrom(body)
                && !StreamingResponseBody.class.isAssignableFrom(body)
                && !ResponseBodyEmitter.class.isAssignableFrom(body);
    }
}
