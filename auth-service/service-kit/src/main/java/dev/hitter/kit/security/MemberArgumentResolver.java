package dev.hitter.kit.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method declare a {@link Member} parameter for the caller. */
class MemberArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Member.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			if (ServiceCaller.looksLikeServiceToken(jwt)) {
				// Never a member: the path rules keep service tokens off member endpoints; this holds if one slips.
				throw new org.springframework.security.access.AccessDeniedException("A service token is no member");
			}
			return Member.from(jwt);
		}
		throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
				"No access token");
	}
}
