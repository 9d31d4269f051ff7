package dev.hitter.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.config.ObservabilityDefaults;

/**
 * Every log line a request causes names its request id and its trace id (continued from the caller's W3C
 * {@code traceparent}), in the readable lines and in the JSON ones, so that an operator goes from a trace in the
 * tracing backend to the lines of every service it crossed, and from a problem answer's requestId to the trace.
 */
@ExtendWith(OutputCaptureExtension.class)
// JSON first: the readable lines must come back after it (the order that once left the JVM's logging in JSON).
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class LogCorrelationTest {

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	@SpringBootApplication
	@RestController
	static class AnyService {

		private static final Logger log = LoggerFactory.getLogger(AnyService.class);

		@GetMapping("/api/v1/echo")
		String echo() {
			log.info("echo answered");
			return "echo";
		}
	}

	@Nested
	@SpringBootTest(classes = AnyService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "hitter.security.jwk-set-uri=http://127.0.0.1:9/jwks",
					"hitter.security.public-paths=GET /api/v1/echo",
					"management.endpoint.health.validate-group-membership=false" })
	@DirtiesContext
	@Order(2)
	class ReadableLines {

		@LocalServerPort
		int port;

		@BeforeAll
		static void freshLogging() {
			LogCorrelationTest.freshLogging();
		}

		@Test
		void aRequestsLogLineCarriesItsRequestIdAndTheCallersTraceId(CapturedOutput output) throws Exception {
			assertThat(echo(port).statusCode()).isEqualTo(200);
			String line = output.getAll().lines().filter(l -> l.contains("echo answered")).findFirst().orElseThrow();
			assertThat(line).contains("[req-correlation-1 " + TRACE_ID + "]");
		}
	}

	@Nested
	@SpringBootTest(classes = AnyService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "hitter.security.jwk-set-uri=http://127.0.0.1:9/jwks",
					"hitter.security.public-paths=GET /api/v1/echo",
					"management.endpoint.health.validate-group-membership=false", "HITTER_LOG_FORMAT=json" })
	@DirtiesContext
	@Order(1)
	class JsonLines {

		@LocalServerPort
		int port;

		@BeforeAll
		static void freshLogging() {
			LogCorrelationTest.freshLogging();
		}

		@Test
		void aJsonLineHasTheRequestIdAndTheTraceIdAsFields(CapturedOutput output) throws Exception {
			assertThat(echo(port).statusCode()).isEqualTo(200);
			String line = output.getAll().lines().filter(l -> l.contains("echo answered")).findFirst().orElseThrow();
			assertThat(line).startsWith("{").contains("\"traceId\":\"" + TRACE_ID + "\"")
				.contains("\"requestId\":\"req-correlation-1\"");
		}
	}

	@Test
	void theSettingsFollowHittersVariablesAndAnUnknownLogFormatStopsTheStart() {
		MockEnvironment unset = new MockEnvironment();
		new ObservabilityDefaults().postProcessEnvironment(unset, null);
		assertThat(unset.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
			.as("no endpoint, no exporter (an empty one would fail the start)").isFalse();
		assertThat(unset.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");

		MockEnvironment set = new MockEnvironment().withProperty("HITTER_OTLP_ENDPOINT", " http://collector:4318/v1/traces ")
			.withProperty("HITTER_TRACE_SAMPLING", "1.0");
		new ObservabilityDefaults().postProcessEnvironment(set, null);
		assertThat(set.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
			.isEqualTo("http://collector:4318/v1/traces");
		assertThat(set.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");

		MockEnvironment bogus = new MockEnvironment().withProperty("HITTER_LOG_FORMAT", "xml");
		assertThatThrownBy(() -> new ObservabilityDefaults().postProcessEnvironment(bogus, null))
			.hasMessageContaining("HITTER_LOG_FORMAT");
	}

	/**
	 * Spring Boot configures logging once per JVM until a context closes (other test classes' contexts may have done
	 * so already) and keeps the structured format in system properties: each nested class starts its context on
	 * logging reset, and closes it after (DirtiesContext), so that its format is the one under test.
	 */
	static void freshLogging() {
		LoggingSystem.get(LogCorrelationTest.class.getClassLoader()).cleanUp();
		// Boot hands the format to Logback through system properties, and leaves them set.
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
	}

	private static HttpResponse<String> echo(int port) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/echo"))
				.header("traceparent", TRACEPARENT)
				.header("X-Request-Id", "req-correlation-1")
				.build(), HttpResponse.BodyHandlers.ofString());
	}
}
