package dev.hitter.prediction.job;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP server standing in for a partner's webhook endpoint: it answers the statuses it is given, in turn. */
final class WebhookReceiver implements AutoCloseable {

	/** One call as it arrived. */
	record Call(Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}
	}

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger answered = new AtomicInteger();

	/** @param statuses what each call gets in turn; the last one repeats */
	WebhookReceiver(int... statuses) throws IOException {
		this(0, statuses);
	}

	/** @param port where to listen (0: any free port) */
	WebhookReceiver(int port, int[] statuses) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), body));
			int n = answered.getAndIncrement();
			exchange.sendResponseHeaders(statuses[Math.min(n, statuses.length - 1)], -1);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	List<Call> calls() {
		return calls;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
