package dev.hitter.gateway.webapp;

import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers the web app's index.html for a page navigation to one of its client-side routes ({@code /analyses/123}),
 * so that a reload, a bookmark or a shared link opens the app, which then shows that route. Only a GET that
 * names {@code text/html} among what it accepts (a browser navigation; a script tag, an image or {@code fetch()}
 * do not) to a path of the app ({@link WebAppPaths}) that is not one of its files; never under {@code /assets/},
 * where a missing file must stay a 404 rather than become HTML the browser would try to run.
 * <p>
 * Runs after Spring Security, which has already decided on the original path (GET of the app's paths is public).
 */
@Component
class DeepLinkFallback implements WebFilter {

	static final String INDEX = "/index.html";

	private static final String STATIC = "classpath:/static";

	private final ResourceLoader resources;

	DeepLinkFallback(ResourceLoader resources) {
		this.resources = resources;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if ((!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod()))
				|| !WebAppPaths.belongsToTheApp(path) || WebAppPaths.isHashedAsset(path)
				|| !asksForAPage(request)) {
			return chain.filter(exchange);
		}
		// A jar lookup may touch the disk: off the event loop.
		return Mono.fromCallable(() -> isAFileOfTheApp(path))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(isFile -> isFile ? chain.filter(exchange) : answerTheApp(exchange, chain));
	}

	private static Mono<Void> answerTheApp(ServerWebExchange exchange, WebFilterChain chain) {
		// The same URL answers a script or fetch() with a 404: a cache must key on what was accepted.
		exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		return chain.filter(exchange.mutate().request(request -> request.path(INDEX)).build());
	}

	private static boolean asksForAPage(ServerHttpRequest request) {
		List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			// Named outright: "*/*" alone is what scripts and fetch() send.
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
		}
		catch (InvalidMediaTypeException unreadable) {
			return false;
		}
	}

	private boolean isAFileOfTheApp(String path) {
		if (path.equals("/") || path.endsWith("/")) {
			return false;
		}
		Resource file = resources.getResource(STATIC + path);
		return file.exists() && file.isReadable();
	}
}
