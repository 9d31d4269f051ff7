package dev.hitter.gateway.webapp;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Headers on everything the web app is served with. Spring Security already sends {@code X-Content-Type-Options:
 * nosniff} and {@code X-Frame-Options: DENY} on every answer, and {@code Cache-Control: no-store} unless an answer
 * sets its own; this adds what only the app's pages and files need:
 * <ul>
 * <li>a Content-Security-Policy that lets the page load code, styles and data from its own origin only — Vite's
 * build has no inline script or style, and React's {@code style} prop goes through the CSSOM, which style-src does
 * not govern; {@code blob:} for the member's own audio and the spectrogram picture made from fetched bytes,
 * {@code data:} for images and fonts Vite inlines;</li>
 * <li>{@code Referrer-Policy: same-origin}: an analysis URL never leaves the site in a Referer;</li>
 * <li>{@code Cache-Control: no-cache} on HTML, so that a browser asks again (a cheap 304) and never runs yesterday's
 * index.html against today's assets; a year, immutable, on a hashed file under {@code /assets/}, whose name changes
 * with its content.</li>
 * </ul>
 */
@Component
class WebAppHeaders implements WebFilter {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' blob: data:", "media-src 'self' blob:", "font-src 'self' data:",
			"connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
			"form-action 'self'");

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!WebAppPaths.belongsToTheApp(path)) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		// Before commit, after the answer is known (its type and status), and after Spring Security's own writer.
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			headers.set("Referrer-Policy", "same-origin");
			MediaType type = headers.getContentType();
			if (type != null && MediaType.TEXT_HTML.isCompatibleWith(type)) {
				cacheFor(headers, "no-cache");
			}
			else if (WebAppPaths.isHashedAsset(path) && served(response)) {
				cacheFor(headers, IMMUTABLE);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static boolean served(ServerHttpResponse response) {
		return HttpStatus.OK.equals(response.getStatusCode()) || HttpStatus.NOT_MODIFIED.equals(response.getStatusCode());
	}

	private static void cacheFor(HttpHeaders headers, String cacheControl) {
		headers.setCacheControl(cacheControl);
		// HTTP/1.0 leftovers of Spring Security's no-store default would contradict it.
		headers.remove(HttpHeaders.PRAGMA);
		headers.remove(HttpHeaders.EXPIRES);
	}
}
