package dev.hitter.kit.revocation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the revocation feed every {@code interval} into {@link RevokedMembers}. auth-service unreachable: the list
 * learnt so far stays in force and the next poll tries again (logged once per outage, not per poll).
 */
public final class RevocationPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RevocationPoller.class);

	private static final int MAX_PAGES_PER_POLL = 100;

	private final RevocationFeed feed;

	private final RevokedMembers revoked;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	private volatile boolean failing;

	public RevocationPoller(RevocationFeed feed, RevokedMembers revoked, Duration interval) {
		this.feed = feed;
		this.revoked = revoked;
		this.interval = interval;
	}

	/** One poll: every page there is now. Public for tests and for a caller that wants to catch up at once. */
	public void poll() {
		try {
			for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
				RevocationFeed.Page answer = feed.after(revoked.cursor());
				if (answer == null) {
					return;
				}
				answer.items().forEach(revoked::apply);
				revoked.advanceTo(answer.cursor());
				if (!answer.more()) {
					break;
				}
			}
			if (failing) {
				log.info("Revocation feed reachable again (cursor {})", revoked.cursor());
				failing = false;
			}
		}
		catch (Exception ex) {
			if (!failing) {
				log.warn("Revocation feed not readable ({}); the revocations known so far stay in force", ex.toString());
				failing = true;
			}
		}
	}

	@Override
	public synchronized void start() {
		if (scheduler == null) {
			scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "revocation-poller");
				thread.setDaemon(true);
				return thread;
			});
			scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}
}
