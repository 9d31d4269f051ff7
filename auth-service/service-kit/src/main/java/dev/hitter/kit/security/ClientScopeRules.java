package dev.hitter.kit.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which operations a partner client's token may call, and the scope each needs ({@code hitter.security.client-scopes}):
 * rules {@code "METHOD /path/** scope"} or {@code "/path/** scope"}, the first that matches decides. An operation no
 * rule names is closed to clients: a label tool's credentials open what the service lists for them, never a member's
 * account, publishing or moderation by default.
 */
public final class ClientScopeRules {

	/** The request attribute naming the scope a refused client lacked ("" when no scope opens the operation). */
	static final String REFUSED_ATTRIBUTE = ClientScopeRules.class.getName() + ".refused";

	private final List<Rule> rules;

	private ClientScopeRules(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	public static ClientScopeRules parse(List<String> texts) {
		List<Rule> rules = new ArrayList<>();
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		for (String text : texts) {
			String[] parts = text.trim().split("\\s+");
			if (parts.length == 3) {
				rules.add(new Rule(paths.matcher(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1]),
						parts[2], text));
			}
			else if (parts.length == 2) {
				rules.add(new Rule(paths.matcher(parts[0]), parts[1], text));
			}
			else {
				throw new IllegalArgumentException("hitter.security.client-scopes: '" + text
						+ "' is not \"METHOD /path scope\" or \"/path scope\"");
			}
		}
		return new ClientScopeRules(rules);
	}

	/** The scope a client needs for this request; empty when clients may not call it at all. */
	public Optional<String> scopeFor(HttpServletRequest request) {
		return rules.stream().filter(rule -> rule.matcher().matches(request)).map(Rule::scope).findFirst();
	}

	private record Rule(RequestMatcher matcher, String scope, String text) {
	}
}
