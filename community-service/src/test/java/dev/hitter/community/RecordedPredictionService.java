package dev.hitter.community;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for prediction-service (a neighbour, not the part under test): it answers
 * {@code GET /api/v1/predictions/{id}} with a recorded answer of the real shape for the analyses it was given, 404
 * otherwise, and keeps the Authorization headers it saw. Tests stop and start it on the same port to play an outage.
 */
public final class RecordedPredictionService {

	private static RecordedPredictionService shared;

	// Chosen on the first start, kept for every restart: the service under test keeps calling the one address.
	private int port;

	private final Map<UUID, UUID> owners = new ConcurrentHashMap<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private RecordedPredictionService(int port) {
		this.port = port;
	}

	/** The one stand-in of the test JVM, started on first use. */
	public static synchronized RecordedPredictionService shared() {
		if (shared == null) {
			shared = new RecordedPredictionService(0);
			shared.start();
		}
		return shared;
	}

	public String url() {
		return "http://127.0.0.1:" + port();
	}

	public int port() {
		return port;
	}

	/** An analysis {@code owner} made; the answer says {@code ownedByMe} only to the owner's token. */
	public UUID analysisOf(UUID owner) {
		UUID id = UUID.randomUUID();
		owners.put(id, owner);
		return id;
	}

	public List<String> authorizations() {
		return authorizations;
	}

	public synchronized void start() {
		if (server != null) {
			return;
		}
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
			port = server.getAddress().getPort();
			server.createContext("/api/v1/predictions/", this::answer);
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops answering: connections to the port are refused until {@link #start()}. */
	public synchronized void stop() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	@Override
	public String toString() {
		return url();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		authorizations.add(String.valueOf(authorization));
		String path = exchange.getRequestURI().getPath();
		UUID id;
		try {
			id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		}
		catch (IllegalArgumentException ex) {
			id = null;
		}
		UUID owner = id == null ? null : owners.get(id);
		UUID caller = TestMembers.subjectOf(authorization);
		if (owner == null) {
			send(exchange, 404, "application/problem+json",
					"{\"type\":\"https://hitter.dev/problems/not-found\",\"status\":404}");
			return;
		}
		send(exchange, 200, "application/json", recorded(id, owner.equals(caller)));
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	/** prediction-service's PredictionView, as it answered for a demonstration-model analysis (fields abridged). */
	private static String recorded(UUID id, boolean ownedByMe) {
		return """
				{"id":"%s","title":"첫사랑 (Demo)","artist":"HITTER Band","genre":"BALLAD",
				 "createdAt":"2026-12-01T10:15:30.123456Z","shared":false,"hitProbability":0.7312,"genrePercentile":64.2,
				 "audio":{"score":0.69,"segmentStartSeconds":42.0,
				   "segments":[{"fromSeconds":0.0,"toSeconds":3.0,"contribution":0.1}],
				   "topSegments":[{"fromSeconds":12.0,"toSeconds":15.0,"contribution":0.42},
				                  {"fromSeconds":21.0,"toSeconds":24.0,"contribution":0.31},
				                  {"fromSeconds":3.0,"toSeconds":6.0,"contribution":0.12}]},
				 "lyrics":{"score":0.77,"raised":[{"word":"사랑","contribution":0.2,"occurrences":3}],"lowered":[],
				   "unknownTokens":2,"truncated":false},
				 "combination":{"method":"logistic","audioWeight":0.6,"lyricsWeight":0.4,"bias":0.0,"audioShare":0.55},
				 "model":{"audio":{"modelId":"ballad-audio","version":"2026.11.1","demonstration":true,
				   "notice":"Demonstration model trained on synthetic data.","trainingData":"synthetic"},
				   "lyrics":{"modelId":"ballad-lyrics","version":"2026.11.1","demonstration":true,
				   "notice":"Demonstration model trained on synthetic data.","trainingData":"synthetic"}},
				 "timings":{"decode":10,"features":20,"audioModel":5,"lyricsModel":3,"total":60},
				 "referenceTrack":false,"likes":3,"likedByMe":false,"ownedByMe":%s,"references":[],
				 "publication":null,"moderation":null,"publishable":true,
				 "links":{"self":"/api/v1/predictions/%s","spectrogram":"/api/v1/predictions/%s/spectrogram.png",
				   "audio":"/api/v1/predictions/%s/audio","lyrics":"/api/v1/predictions/%s/lyrics"}}
				""".formatted(id, ownedByMe, id, id, id, id);
	}
}
