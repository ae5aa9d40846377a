package app.almanac.web;

import app.almanac.shared.SiteAddress;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Errors the web server answers by itself, before any of the site's code runs (a malformed URL
 * such as {@code /%zz}): Tomcat's own report page, bare and without the security headers, is
 * replaced by the site's error page with the same headers as every other answer.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final TemplateEngine templates;
    private final boolean https;

    ContainerErrors(TemplateEngine templates, SiteAddress site) {
        this.templates = templates;
        this.https = site.secure();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            // the host adds its report valve by class name when it starts, unless one of that class is there
            ((StandardHost) host).setErrorReportValveClass(SiteErrorValve.class.getName());
            host.getPipeline().addValve(new SiteErrorValve(templates, https));
        });
    }

    /** Tomcat's report valve, writing the site's page instead of Tomcat's. */
    static final class SiteErrorValve extends ErrorReportValve {

        private final TemplateEngine templates;
        private final boolean https;
        private final Map<Integer, String> pages = new ConcurrentHashMap<>();

        SiteErrorValve(TemplateEngine templates, boolean https) {
            this.templates = templates;
            this.https = https;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            try {
                SecurityHeaders.write(response, https);
                response.setContentType("text/html;charset=UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(pages.computeIfAbsent(status, this::render));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone, or the answer was already on its way: nothing more to write
            }
        }

        private String render(int status) {
            String message = status == 400
                    ? "That address or request could not be read: part of it is malformed. Check the link and try again."
                    : "The request could not be answered.";
            StringOutput out = new StringOutput();
            templates.render("web/error.jte", Map.of("page", ErrorPage.of(status, message)), out);
            return out.toString();
        }
    }
}
