package dev.hitter.gateway.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * An OTLP/HTTP trace receiver on loopback, what an OpenTelemetry Collector is to a cluster: the system under test
 * exports its spans here ({@code HITTER_OTLP_ENDPOINT}) and the tracing test reads them back, decoded with the
 * protocol's own message classes.
 */
final class TraceCollector implements AutoCloseable {

	/** One received span: its trace and parent, the service that made it, its name and attributes. */
	record ReceivedSpan(String traceId, String spanId, String parentSpanId, String service, String name,
			Map<String, String> attributes) {
	}

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private TraceCollector(HttpServer server) {
		this.server = server;
	}

	static TraceCollector start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		TraceCollector collector = new TraceCollector(server);
		server.createContext("/v1/traces", collector::receive);
		server.start();
		return collector;
	}

	/** The traces URL to give the services. */
	String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
	}

	/** Every span of one trace received so far. */
	List<ReceivedSpan> trace(String traceId) {
		return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
	}

	/**
	 * Waits (spans are exported in batches, every few seconds, each service on its own schedule) until the trace as
	 * received so far satisfies {@code complete}, and returns it as received by then.
	 */
	List<ReceivedSpan> awaitTrace(String traceId, Duration limit, Predicate<List<ReceivedSpan>> complete)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (true) {
			List<ReceivedSpan> trace = trace(traceId);
			if (complete.test(trace) || Instant.now().isAfter(deadline)) {
				return trace;
			}
			Thread.sleep(250);
		}
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] body;
			try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			HexFormat hex = HexFormat.of();
			for (ResourceSpans resource : request.getResourceSpansList()) {
				String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
						spans.add(new ReceivedSpan(hex.formatHex(span.getTraceId().toByteArray()),
								hex.formatHex(span.getSpanId().toByteArray()),
								hex.formatHex(span.getParentSpanId().toByteArray()), service, span.getName(),
								attributes(span.getAttributesList())));
					}
				}
			}
			byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
			if (answer.length > 0) {
				exchange.getResponseBody().write(answer);
			}
		}
	}

	private static Map<String, String> attributes(List<KeyValue> values) {
		return values.stream()
			.collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().hasStringValue()
					? kv.getValue().getStringValue() : kv.getValue().toString().trim(), (a, b) -> a));
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
