package dev.hitter.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The gateway: the single entry point for the SPA and partner tools. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	static final String KEEP_ALIVE_FIX = "reactor.netty.http.server.lastFlushWhenNoRead";

	static {
		// Reactor Netty 1.3.x loses a kept-alive connection's next read when that request arrives before the
		// previous exchange has terminated — which happens whenever an answer completes off the event loop (a key
		// lookup, a proxied call) and the client reuses the connection at once: the request then waits for ever
		// (reactor-netty#4347, #4361; seen here as a 401 that never came). With this flag the previous exchange is
		// terminated before the next request is read, so the request is handled instead of queued. Set before any
		// Reactor Netty class reads it (a static of HttpTrafficHandler); an explicit -D wins.
		if (System.getProperty(KEEP_ALIVE_FIX) == null) {
			System.setProperty(KEEP_ALIVE_FIX, "true");
		}
	}

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}
}
