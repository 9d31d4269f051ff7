package dev.hitter.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import dev.hitter.benchmarks.load.GatewaySession.Answer;
import dev.hitter.benchmarks.load.LatencyRecorder.Latencies;

/**
 * One load level: {@code clients} closed-loop clients, each sending its next request (an {@link Operation}: the same
 * upload, or a community list or read) as soon as its previous answer arrived, first for the warm-up and then for
 * the measured window. An answer counts when it arrives inside the window; answers to requests still open at its end
 * are not counted. Client {@code i} is member {@code i % members} of the run, so every client is the same member when
 * there is only one.
 */
final class LoadLevel {

	/** The stages of the prediction answer's {@code timings}, in its order. */
	static final List<String> STAGES = List.of("decode", "features", "audioModel", "lyricsModel", "total");

	/**
	 * A refused client does not wait the full Retry-After (10 s would leave the level idle): it moves on to its
	 * next request after this pause, and the refusal is counted.
	 */
	static final Duration REFUSAL_PAUSE = Duration.ofMillis(200);

	private final List<GatewaySession> members;

	private final Operation operation;

	LoadLevel(List<GatewaySession> members, Operation operation) {
		this.members = List.copyOf(members);
		this.operation = operation;
	}

	/** The request a client sends, again and again. */
	interface Operation {

		Answer send(GatewaySession session, String token) throws IOException, InterruptedException;

		/** The status of an answer that counts as done (201 for an upload, 200 for a read). */
		int success();

		/** Whether successful answers carry the prediction service's {@code timings} (parsed for every answer). */
		default boolean reportsTimings() {
			return false;
		}
	}

	/** The upload of {@link GatewayLoadBenchmark}: one whole track with lyrics, answered 201. */
	static Operation upload(MultipartBody form, byte[] body) {
		return new Operation() {
			@Override
			public Answer send(GatewaySession session, String token) throws IOException, InterruptedException {
				return session.analyse(token, form, body);
			}

			@Override
			public int success() {
				return 201;
			}

			@Override
			public boolean reportsTimings() {
				return true;
			}
		};
	}

	Result run(int clients, Duration warmup, Duration measured) throws InterruptedException {
		return run(clients, warmup, measured, () -> {
		}, () -> {
		});
	}

	/**
	 * @param windowOpens run when the warm-up ends and the measured window begins (to sample the CPU, say)
	 * @param windowCloses run when the measured window ends
	 */
	Result run(int clients, Duration warmup, Duration measured, Runnable windowOpens, Runnable windowCloses)
			throws InterruptedException {
		long start = System.nanoTime();
		long from = start + warmup.toNanos();
		long until = from + measured.toNanos();
		Tally tally = new Tally(operation.reportsTimings());
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			GatewaySession member = members.get(i % members.size());
			Thread client = new Thread(() -> client(member, from, until, tally), "load-client-" + clients + "-" + i);
			threads.add(client);
			client.start();
		}
		Thread.sleep(Math.max(0, (from - System.nanoTime()) / 1_000_000));
		windowOpens.run();
		Thread.sleep(Math.max(0, (until - System.nanoTime()) / 1_000_000));
		windowCloses.run();
		for (Thread client : threads) {
			client.join();
		}
		return tally.result(clients, measured);
	}

	private void client(GatewaySession session, long from, long until, Tally tally) {
		while (System.nanoTime() < until) {
			String token;
			try {
				token = session.accessToken();
			}
			catch (IOException ex) {
				tally.error(System.nanoTime(), from, until, "login failed: " + ex.getMessage());
				pause(REFUSAL_PAUSE);
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long sent = System.nanoTime();
			Answer answer;
			try {
				answer = operation.send(session, token);
			}
			catch (HttpTimeoutException ex) {
				tally.error(System.nanoTime(), from, until, "client timeout");
				continue;
			}
			catch (IOException ex) {
				tally.error(System.nanoTime(), from, until, ex.getClass().getSimpleName());
				pause(REFUSAL_PAUSE);
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long answered = System.nanoTime();
			String kind = answer.status() + (answer.problemType().isEmpty() ? "" : " " + answer.problemType());
			if (answer.status() == operation.success()) {
				tally.success(answered, from, until, answered - sent, answer.body());
			}
			else if ((answer.status() == 503 || answer.status() == 429) && answer.retryAfter().isPresent()) {
				tally.refusal(answered, from, until, kind);
				pause(REFUSAL_PAUSE);
			}
			else {
				if (answer.status() == 401) {
					session.rejected(token);
				}
				tally.error(answered, from, until, kind);
			}
		}
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What one level measured; {@code perSecond}: successful answers per second of the window (analyses, for uploads). */
	record Result(int clients, int requests, Latencies latencies, Map<String, Integer> refusals,
			Map<String, Integer> errors, double perSecond, Map<String, Double> serverMedians) {

		int refused() {
			return refusals.values().stream().mapToInt(Integer::intValue).sum();
		}

		int failed() {
			return errors.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/** The answers counted in the measured window, from every client thread. */
	private static final class Tally {

		private final LatencyRecorder latencies = new LatencyRecorder();

		private final Map<String, LatencyRecorder> stages = new LinkedHashMap<>();

		private final Map<String, Integer> refusals = new TreeMap<>();

		private final Map<String, Integer> errors = new TreeMap<>();

		private final boolean timings;

		private int requests;

		Tally(boolean timings) {
			this.timings = timings;
			STAGES.forEach(stage -> stages.put(stage, new LatencyRecorder()));
		}

		void success(long answered, long from, long until, long latency, String body) {
			if (!counts(answered, from, until)) {
				return;
			}
			latencies.record(latency);
			synchronized (this) {
				requests++;
			}
			if (!this.timings) {
				return;
			}
			JsonNode timings = GatewaySession.json(body).path("timings");
			for (String stage : STAGES) {
				if (timings.has(stage)) {
					stages.get(stage).record(TimeUnit.MILLISECONDS.toNanos(timings.get(stage).asLong()));
				}
			}
		}

		synchronized void refusal(long answered, long from, long until, String kind) {
			if (counts(answered, from, until)) {
				requests++;
				refusals.merge(kind, 1, Integer::sum);
			}
		}

		synchronized void error(long answered, long from, long until, String kind) {
			if (counts(answered, from, until)) {
				requests++;
				errors.merge(kind, 1, Integer::sum);
			}
		}

		synchronized Result result(int clients, Duration measured) {
			Latencies summary = latencies.summary();
			Map<String, Double> medians = new LinkedHashMap<>();
			stages.forEach((stage, recorder) -> medians.put(stage, recorder.summary().p50()));
			return new Result(clients, requests, summary, new TreeMap<>(refusals), new TreeMap<>(errors),
					summary.count() / (measured.toNanos() / 1e9), medians);
		}

		private static boolean counts(long answered, long from, long until) {
			return answered >= from && answered <= until;
		}
	}
}
