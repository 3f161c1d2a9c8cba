package strata.server.api;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem details for the errors no controller sees: Tomcat's refusals, Spring Security's firewall, oversized
 * bodies. Together with {@link ProblemHandler} and {@link ProblemErrorController}, no answer is HTML or a bare 500.
 */
@Configuration
class ErrorResponses {
  /** Replaces Tomcat's HTML error report (which Spring Boot also adds to the host) by {@link ProblemReportValve}. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
    return new Customizer();
  }

  /** Runs after Spring Boot's own customizer, which adds an {@link ErrorReportValve} in a context customizer. */
  private static final class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
      Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        Host host = (Host) context.getParent();
        for (Valve v : host.getPipeline().getValves()) {
          if (v instanceof ErrorReportValve && !(v instanceof ProblemReportValve)) host.getPipeline().removeValve(v);
        }
        if (host instanceof StandardHost h) h.setErrorReportValveClass(ProblemReportValve.class.getName());
      });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  /** URLs Spring Security's firewall refuses (encoded '.', '%', ';', '//' …): 400 invalid_path. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, e) -> Problems.write(response, 400, Problems.INVALID_PATH,
        "the request path is not allowed (" + e.getMessage().replaceFirst("^The request was rejected because ", "")
            + ")");
  }

  @Bean
  FilterRegistrationBean<BodyLimit> bodyLimit(@Value("${strata.api.max-body-bytes}") long maxBytes) {
    FilterRegistrationBean<BodyLimit> r = new FilterRegistrationBean<>(new BodyLimit(maxBytes));
    r.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return r;
  }
}
