package dev.hitter.kit.error;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every error answer of a HITTER servlet service is problem+json: the ones that go through the error page (Boot's
 * BasicErrorController is replaced) and the ones Tomcat writes itself (its ErrorReportValve is replaced).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ErrorProblemAutoConfiguration {

	@Bean
	ErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatErrorReports {

		@Bean
		ProblemErrorReportCustomizer problemErrorReportValve() {
			return new ProblemErrorReportCustomizer();
		}

		// Ordered last: after Boot's own customizer, whose context customizer adds an ErrorReportValve we take out.
		static class ProblemErrorReportCustomizer
				implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

			@Override
			public void customize(ConfigurableTomcatWebServerFactory factory) {
				factory.addContextCustomizers(context -> replaceErrorReportValve(context.getParent()));
			}

			@Override
			public int getOrder() {
				return Ordered.LOWEST_PRECEDENCE;
			}
		}

		private static void replaceErrorReportValve(Container parent) {
			if (!(parent instanceof StandardHost host)) {
				return;
			}
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
					host.getPipeline().removeValve(valve);
				}
			}
			// Tomcat adds a valve of this class when the host starts, unless one is there already.
			host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			host.getPipeline().addValve(new ProblemErrorReportValve());
		}
	}
}
