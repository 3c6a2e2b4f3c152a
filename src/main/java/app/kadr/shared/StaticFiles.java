package app.kadr.shared;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The studio's own stylesheets, scripts and images, addressed by a hash of their content so browsers keep them for a
 * year, and the WebJars. Each folder has its own handler instead of Spring Boot's one for {@code /**}
 * ({@code spring.web.resources.add-mappings: false}): a page asks every link it writes whether it is a static file to
 * be hashed, and under {@code /**} every {@code /projects/…} link was looked for in the application's jar, a miss
 * that is never cached — a third of the storyboard page's time (docs/benchmarks.md §8). Now only links under these
 * folders are looked up.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    static final List<String> FOLDERS = List.of("css", "js", "img");
    private static final CacheControl A_YEAR =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(A_YEAR)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        // Found by name without a version (webjars-locator-lite), as Spring Boot's own handler did.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_YEAR)
                .resourceChain(true);
    }
}
