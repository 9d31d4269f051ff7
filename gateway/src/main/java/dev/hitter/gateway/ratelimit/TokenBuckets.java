package dev.hitter.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Token buckets of one kind (clients, members or addresses), by key, in memory. At most {@code maxTracked} buckets
 * are kept: the least recently used is dropped past that, which costs its owner nothing but a fresh, full bucket
 * (the same as one that was left alone long enough to refill). One lock guards the map and its buckets: a take is a
 * few arithmetic steps, far shorter than anything else a request does.
 */
final class TokenBuckets {

	private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

	private final RateLimitProperties.Limit limit;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets;

	TokenBuckets(RateLimitProperties.Limit limit, int maxTracked, LongSupplier nanoTime) {
		this.limit = limit;
		this.nanoTime = nanoTime;
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxTracked;
			}
		};
	}

	/** Takes one request's token from the key's bucket, when it has one. */
	Decision take(String key) {
		long now = nanoTime.getAsLong();
		synchronized (buckets) {
			Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
			bucket.refill(now);
			boolean allowed = bucket.tokens >= 1;
			if (allowed) {
				bucket.tokens -= 1;
			}
			return decision(allowed, bucket.tokens);
		}
	}

	/** Gives back a token taken for a request that another limit then refused. */
	void giveBack(String key) {
		synchronized (buckets) {
			Bucket bucket = buckets.get(key);
			if (bucket != null) {
				bucket.tokens = Math.min(limit.burst(), bucket.tokens + 1);
			}
		}
	}

	int tracked() {
		synchronized (buckets) {
			return buckets.size();
		}
	}

	private Decision decision(boolean allowed, double tokens) {
		long secondsToFull = (long) Math.ceil((limit.burst() - tokens) / limit.perSecond());
		long secondsToNext = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / limit.perSecond()));
		return new Decision(allowed, limit.burst(), (int) Math.floor(tokens), secondsToFull, secondsToNext);
	}

	/**
	 * What one bucket said.
	 *
	 * @param limit the bucket's size (RateLimit-Limit)
	 * @param remaining whole requests left now (RateLimit-Remaining)
	 * @param resetSeconds until the bucket is full again (RateLimit-Reset)
	 * @param retryAfterSeconds until the next request is allowed, when this one was not (Retry-After), else 0
	 */
	record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
	}

	private final class Bucket {

		private double tokens;

		private long updatedAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updatedAt = now;
		}

		void refill(long now) {
			long elapsed = now - updatedAt;
			if (elapsed > 0) {
				tokens = Math.min(limit.burst(), tokens + elapsed / NANOS_PER_SECOND * limit.perSecond());
				updatedAt = now;
			}
		}
	}
}
