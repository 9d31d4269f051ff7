package dev.hitter.kit.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import dev.hitter.kit.problem.ProblemExceptionHandler;
import dev.hitter.kit.requestid.RequestIdFilter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** Request ids, problem+json errors and strict JSON reading for every HITTER servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemExceptionHandler.class)
public class ServiceWebAutoConfiguration {

	/**
	 * A number or a boolean where the API wants text is the client's mistake, answered 400 like any other wrong
	 * type: Jackson would otherwise quietly store {@code {"body": 42}} as "42".
	 */
	@Bean
	JsonMapperBuilderCustomizer textIsNeverANumber() {
		return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> {
			text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
			text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
			text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		});
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		// Before the security filters, so that a refused request is logged with its id too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}
}
