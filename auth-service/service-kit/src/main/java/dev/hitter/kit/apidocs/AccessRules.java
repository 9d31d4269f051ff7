package dev.hitter.kit.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The service's own access rules, read from the same settings its security filter chain obeys, so that the document
 * says what the service does: {@code hitter.security.public-paths} ({@code "POST /path"} or {@code "/path/**"}) and
 * {@code hitter.security.client-scopes} ({@code "METHOD /path scope"} or {@code "/path scope"}, first match wins).
 * Bound here with the {@link Binder} rather than through the security settings record, so the document needs no more
 * of the security set-up than these two lists.
 */
final class AccessRules {

	// An id is what a path variable holds in this API (see concrete).
	private static final String SAMPLE_ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

	private final List<Rule> publicPaths;

	private final List<Rule> clientScopes;

	AccessRules(List<String> publicPaths, List<String> clientScopes) {
		this.publicPaths = parse(publicPaths, false);
		this.clientScopes = parse(clientScopes, true);
	}

	static AccessRules from(Environment environment) {
		Binder binder = Binder.get(environment);
		Bindable<List<String>> list = Bindable.listOf(String.class);
		return new AccessRules(binder.bind("hitter.security.public-paths", list).orElse(List.of()),
				binder.bind("hitter.security.client-scopes", list).orElse(List.of()));
	}

	/** Whether anyone may call the operation without a token. */
	boolean isPublic(String method, String pathTemplate) {
		String path = concrete(pathTemplate);
		return publicPaths.stream().anyMatch(rule -> rule.matches(method, path));
	}

	/** The scope a partner client's token needs for the operation; empty when no rule lets clients call it. */
	Optional<String> clientScope(String method, String pathTemplate) {
		String path = concrete(pathTemplate);
		return clientScopes.stream().filter(rule -> rule.matches(method, path)).findFirst().map(Rule::scope);
	}

	// A document's path names its variables ({id}); the rules match requests, whose segments are values. An id is what
	// a variable holds here, and rules keep literal segments apart from ids by a pattern ({id:[0-9a-fA-F-]+}): a
	// UUID-shaped value matches such a variable as well as a plain one or a *.
	private static String concrete(String pathTemplate) {
		return pathTemplate.replaceAll("\\{[^}/]+}", SAMPLE_ID);
	}

	private static List<Rule> parse(List<String> lines, boolean withScope) {
		List<Rule> rules = new ArrayList<>();
		for (String line : lines) {
			List<String> parts = new ArrayList<>(List.of(line.trim().split("\\s+")));
			String scope = withScope && parts.size() > 1 ? parts.remove(parts.size() - 1) : null;
			String method = parts.size() > 1 ? parts.remove(0).toUpperCase(Locale.ROOT) : null;
			boolean scoped = scope != null && !scope.startsWith("/");
			if (parts.size() != 1 || !parts.get(0).startsWith("/") || withScope != scoped) {
				throw new IllegalArgumentException("Not an access rule: '" + line + "' (want "
						+ (withScope ? "\"METHOD /path scope\" or \"/path scope\")"
								: "\"METHOD /path\" or \"/path\")"));
			}
			rules.add(new Rule(method, PathPatternParser.defaultInstance.parse(parts.get(0)), scope));
		}
		return List.copyOf(rules);
	}

	private record Rule(String method, PathPattern pattern, String scope) {

		boolean matches(String requestMethod, String path) {
			return (method == null || method.equalsIgnoreCase(requestMethod))
					&& pattern.matches(PathContainer.parsePath(path));
		}
	}
}
