package dev.hitter.kit.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import dev.hitter.kit.problem.ProblemExceptionHandler;
import dev.hitter.kit.requestid.RequestIdFilter;

/** Request ids and problem+json errors for every HITTER servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemExceptionHandler.class)
public class ServiceWebAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		// Before the security filters, so that a refused request is logged with its id too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}
}
