package dev.hitter.community.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts reads of posts in memory and adds them to the database every {@link ViewProperties#flushInterval()} in one
 * batch, so that reading a post is a read only. Lists and the post page add the counts not yet flushed, so a reader
 * sees their own view at once.
 */
@Component
public class ViewCounter {

	private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

	// merge and remove are atomic per key: a read counted while a flush runs lands in the next flush, never lost.
	private final Map<UUID, Long> pending = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	ViewCounter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void count(UUID post) {
		pending.merge(post, 1L, Long::sum);
	}

	/** Views of the post counted but not yet in the database. */
	public long pending(UUID post) {
		return pending.getOrDefault(post, 0L);
	}

	/** Adds every pending count to the database; answers how many posts it updated. */
	@Scheduled(fixedDelayString = "${hitter.community.views.flush-interval:10s}")
	@PreDestroy
	public synchronized int flush() {
		List<Object[]> updates = new ArrayList<>();
		for (UUID post : List.copyOf(pending.keySet())) {
			Long views = pending.remove(post);
			if (views != null && views > 0) {
				updates.add(new Object[] { views, post.toString() });
			}
		}
		if (updates.isEmpty()) {
			return 0;
		}
		try {
			jdbc.batchUpdate("update posts set views = views + ? where id = ?", updates);
		}
		catch (RuntimeException ex) {
			// Put them back: the next flush tries again.
			updates.forEach(u -> pending.merge(UUID.fromString((String) u[1]), (Long) u[0], Long::sum));
			log.warn("Could not add {} posts' views to the database; will retry: {}", updates.size(), ex.toString());
		}
		return updates.size();
	}
}
