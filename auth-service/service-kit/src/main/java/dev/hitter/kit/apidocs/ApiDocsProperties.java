package dev.hitter.kit.apidocs;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What every service's API document says about where it is served.
 *
 * @param publicUrl the gateway's public address ({@code HITTER_PUBLIC_URL}): the document's only server and the base
 * of the partner token URL. A service's own port is never reachable by a client, so it is never named.
 */
@Validated
@ConfigurationProperties("hitter.api-docs")
public record ApiDocsProperties(@NotNull @DefaultValue("http://localhost:8080") URI publicUrl) {

	/** Where partner tools get client-credentials tokens (auth-service's authorization server, via the gateway). */
	public String tokenUrl() {
		return base() + ApiContract.TOKEN_PATH;
	}

	/** The public URL without a trailing slash. */
	public String base() {
		String url = publicUrl.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
