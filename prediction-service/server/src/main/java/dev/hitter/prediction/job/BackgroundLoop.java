package dev.hitter.prediction.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that repeat a step while there is work and wait a poll interval when there is none. A step that throws
 * (the database away for a moment) is logged and retried after the interval: the loop itself never dies.
 */
final class BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

	private final String name;

	private final int threads;

	private final Duration pollInterval;

	private final BooleanSupplier step;

	private final List<Thread> running = new ArrayList<>();

	private final Object idle = new Object();

	private volatile boolean stopping;

	/** @param step does one piece of work; false when there was none */
	BackgroundLoop(String name, int threads, Duration pollInterval, BooleanSupplier step) {
		this.name = name;
		this.threads = threads;
		this.pollInterval = pollInterval;
		this.step = step;
	}

	synchronized void start() {
		stopping = false;
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(this::loop, name + "-" + (i + 1));
			thread.setDaemon(true);
			running.add(thread);
			thread.start();
		}
	}

	/** Lets the work in hand finish (up to {@code grace}); new work is not started. */
	synchronized void stop(Duration grace) {
		stopping = true;
		long deadline = System.nanoTime() + grace.toNanos();
		// Wake the idle threads only: interrupting one in the middle of a step would fail the step.
		synchronized (idle) {
			idle.notifyAll();
		}
		for (Thread thread : running) {
			try {
				thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		running.clear();
	}

	boolean isRunning() {
		return !running.isEmpty();
	}

	private void loop() {
		while (!stopping) {
			boolean worked;
			try {
				worked = step.getAsBoolean();
			}
			catch (RuntimeException ex) {
				if (stopping) {
					return;
				}
				log.warn("{}: {}; retrying in {}", name, ex.toString(), pollInterval);
				worked = false;
			}
			if (!worked && !stopping) {
				synchronized (idle) {
					try {
						if (!stopping) {
							idle.wait(pollInterval.toMillis());
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}
	}
}
