package app.kadr.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.RelativeRedirectFilter;

/**
 * Every redirect carries a path in {@code Location}, never an address built from the request's {@code Host} header,
 * which whoever sends the request writes. Tomcat itself makes a redirect absolute for HTTP/1.0 requests whatever it
 * is told, so the redirect is written here, before Tomcat sees it. Links that must be absolute use
 * {@link PublicAddress}.
 */
@Configuration(proxyBeanMethods = false)
class RelativeRedirects {

    @Bean
    FilterRegistrationBean<RelativeRedirectFilter> relativeRedirectFilter() {
        RelativeRedirectFilter filter = new RelativeRedirectFilter();
        filter.setRedirectStatus(HttpStatus.FOUND);
        FilterRegistrationBean<RelativeRedirectFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
