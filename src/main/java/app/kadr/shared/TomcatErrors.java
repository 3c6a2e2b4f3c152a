package app.kadr.shared;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link KadrErrorReportValve} in the place of Tomcat's own error report on the host, which answers
 * requests refused before any application sees them. The host has added its default valve by the time its
 * context starts, so the swap happens then.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Messages messages;
    private final JsonMapper json;

    TomcatErrors(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                    && context.getParent() instanceof StandardHost host) {
                replaceErrorReport(host);
            }
        }));
    }

    private void replaceErrorReport(StandardHost host) {
        host.setErrorReportValveClass(KadrErrorReportValve.class.getName());
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof KadrErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!hasKadrValve(host)) {
            host.getPipeline().addValve(new KadrErrorReportValve(messages, json));
        }
    }

    private static boolean hasKadrValve(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof KadrErrorReportValve) {
                return true;
            }
        }
        return false;
    }
}
