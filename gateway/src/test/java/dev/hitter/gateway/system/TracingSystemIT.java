package dev.hitter.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.gateway.system.TraceCollector.ReceivedSpan;

/**
 * One trace across the system, as an operator's tracing backend would show it (docs/observability.md): a partner
 * tool sends a W3C {@code traceparent} with its analysis, and the gateway, the prediction service and its database
 * statements all report spans under that trace id, each a child of the one before; a shared post's trace runs
 * gateway → community → prediction (the snapshot of the analysis). The spans come back through a real OTLP/HTTP
 * export to the test's collector ({@link TraceCollector}). (That every log line names its trace is the service kit's
 * LogCorrelationTest.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningSystem.Extension.class)
class TracingSystemIT {

	private static final String PASSWORD = "bridge-and-outro-42";

	/** Spans leave in batches (every 5 s by default): generous for a machine shared by builds. */
	private static final Duration EXPORTED_WITHIN = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final RunningSystem system;

	private final String gateway;

	TracingSystemIT(RunningSystem system) {
		this.system = system;
		this.gateway = system.gateway();
	}

	@Test
	void anAnalysisIsOneTraceFromTheGatewayThroughThePredictionServiceIntoItsDatabase() throws Exception {
		String email = signUpVerified();
		String traceId = newTraceId();
		HttpResponse<String> created = analyse(logIn(email), traceparent(traceId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		List<ReceivedSpan> trace = system.traces().awaitTrace(traceId, EXPORTED_WITHIN,
				t -> descends(t, database("prediction-service"), server("prediction-service"))
						&& descends(t, server("prediction-service"), from("gateway")));
		assertThat(trace).as("gateway spans " + names(trace)).anyMatch(from("gateway"));
		ReceivedSpan analysis = trace.stream().filter(server("prediction-service")).findFirst().orElseThrow(
				() -> new AssertionError("no server span of prediction-service in " + names(trace)));
		assertThat(ancestors(analysis, trace)).as("the prediction service's span descends from the gateway's")
			.anyMatch(from("gateway"));
		ReceivedSpan statement = trace.stream().filter(database("prediction-service")).findFirst().orElseThrow(
				() -> new AssertionError("no database span of prediction-service in " + names(trace)));
		assertThat(ancestors(statement, trace)).as("the statement's span descends from the request's")
			.contains(analysis);
		// The gateway's access line names the trace beside the request id (docs/observability.md "Logs").
		assertThat(Files.readString(system.home().resolve("logs").resolve("gateway.log"))).contains(" " + traceId + "]");

	}

	@Test
	void aSharedPostIsOneTraceFromTheGatewayThroughCommunityToThePredictionService() throws Exception {
		String email = signUpVerified();
		String token = logIn(email);
		HttpResponse<String> analysed = analyse(token, traceparent(newTraceId()));
		assertThat(analysed.statusCode()).as(analysed.body()).isEqualTo(201);
		String analysisId = JsonPath.read(analysed.body(), "$.id");

		// The first snapshot call of a cold community-service can outlast its 900 ms limit on a busy machine: the
		// answer then says to try again (503 dependency-unavailable), and a person would. Each try is its own trace.
		String traceId = null;
		HttpResponse<String> post = null;
		for (int attempt = 1; attempt <= 5 && (post == null || post.statusCode() == 503); attempt++) {
			if (post != null) {
				Thread.sleep(3_000);
			}
			traceId = newTraceId();
			post = share(email, analysisId, traceId);
		}
		assertThat(post.statusCode()).as(post.body()).isEqualTo(201);

		List<ReceivedSpan> trace = system.traces().awaitTrace(traceId, EXPORTED_WITHIN,
				t -> descends(t, server("prediction-service"), server("community-service"))
						&& descends(t, server("community-service"), from("gateway")));
		ReceivedSpan community = trace.stream().filter(server("community-service")).findFirst().orElseThrow(
				() -> new AssertionError("no server span of community-service in " + names(trace)));
		ReceivedSpan snapshot = trace.stream().filter(server("prediction-service")).findFirst().orElseThrow(
				() -> new AssertionError("no server span of prediction-service in " + names(trace)));
		assertThat(ancestors(community, trace)).anyMatch(from("gateway"));
		assertThat(ancestors(snapshot, trace)).as("prediction's span descends from community's call")
			.contains(community);
	}

	private static Predicate<ReceivedSpan> from(String service) {
		return span -> span.service().equals(service);
	}

	/** A span of the service's HTTP server (Spring MVC's observation: the route template as its name). */
	private static Predicate<ReceivedSpan> server(String service) {
		return span -> span.service().equals(service) && span.name().startsWith("http ")
				&& span.attributes().containsKey("uri");
	}

	/** A JDBC span (datasource-micrometer: connection, query, result-set). */
	private static Predicate<ReceivedSpan> database(String service) {
		return span -> span.service().equals(service)
				&& (span.name().equals("query") || span.attributes().keySet().stream().anyMatch(k -> k.startsWith("jdbc")));
	}

	/** Whether some span {@code child} matches has an ancestor {@code ancestor} matches, in the trace so far. */
	private static boolean descends(List<ReceivedSpan> trace, Predicate<ReceivedSpan> child,
			Predicate<ReceivedSpan> ancestor) {
		return trace.stream().filter(child).anyMatch(span -> ancestors(span, trace).stream().anyMatch(ancestor));
	}

	/** The span's parent, grandparent … as far as the trace holds them. */
	private static List<ReceivedSpan> ancestors(ReceivedSpan span, List<ReceivedSpan> trace) {
		return Stream.iterate(parent(span, trace), Optional::isPresent, p -> parent(p.get(), trace))
			.map(Optional::get)
			.limit(64)
			.toList();
	}

	private static Optional<ReceivedSpan> parent(ReceivedSpan span, List<ReceivedSpan> trace) {
		return trace.stream().filter(s -> s.spanId().equals(span.parentSpanId())).findFirst();
	}

	private static List<String> names(List<ReceivedSpan> trace) {
		return trace.stream().map(s -> s.service() + ":" + s.name()).toList();
	}

	private static String newTraceId() {
		byte[] id = new byte[16];
		ThreadLocalRandom.current().nextBytes(id);
		return HexFormat.of().formatHex(id);
	}

	/** A partner tool's own trace context: version 00, the trace, its own span, sampled. */
	private static String traceparent(String traceId) {
		byte[] span = new byte[8];
		ThreadLocalRandom.current().nextBytes(span);
		return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
	}

	private HttpResponse<String> share(String email, String analysisId, String traceId) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/community/posts"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + logIn(email))
			.header("Content-Type", "application/json")
			.header("traceparent", traceparent(traceId))
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"title": "traced", "body": "이 분석을 공유합니다", "category": "FEEDBACK",
					 "predictionId": "%s", "confirmShareFigures": true}
					""".formatted(analysisId)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> analyse(String token, String traceparent) throws Exception {
		Multipart form = new Multipart().field("genre", "POP")
			.field("lyrics", "we dance all night under the city lights")
			.file("audio", "traced.wav", "audio/wav", WavMaker.chords(12));
		return http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/predictions"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", form.contentType())
			.header("traceparent", traceparent)
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String signUpVerified() throws Exception {
		String email = "traced-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> created = send("/api/v1/auth/signup", null, """
				{"email": "%s", "password": "%s", "displayName": "traced %s", "kind": "artist"}
				""".formatted(email, PASSWORD, email.hashCode()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
		system.mailbox().verify(gateway, email);
		return email;
	}

	private String logIn(String email) throws Exception {
		HttpResponse<String> login = send("/api/v1/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return JsonPath.read(login.body(), "$.accessToken");
	}

	private HttpResponse<String> send(String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
