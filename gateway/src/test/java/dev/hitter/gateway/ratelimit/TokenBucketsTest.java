package dev.hitter.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The buckets' arithmetic on a clock the test moves, and their memory bound. */
class TokenBucketsTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void aBurstIsAllowedThenOneRequestPerRefill() {
		TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(2, 4), 100, now::get);
		for (int i = 0; i < 4; i++) {
			assertThat(buckets.take("client").allowed()).isTrue();
		}
		TokenBuckets.Decision refused = buckets.take("client");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.remaining()).isZero();
		assertThat(refused.limit()).isEqualTo(4);
		assertThat(refused.retryAfterSeconds()).as("half a second, in whole seconds").isEqualTo(1);
		assertThat(refused.resetSeconds()).as("4 tokens at 2 per second").isEqualTo(2);

		now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
		assertThat(buckets.take("client").allowed()).isTrue();
		assertThat(buckets.take("client").allowed()).isFalse();
		assertThat(buckets.take("another client").allowed()).as("its own bucket").isTrue();

		now.addAndGet(TimeUnit.SECONDS.toNanos(60));
		TokenBuckets.Decision rested = buckets.take("client");
		assertThat(rested.remaining()).as("full again, never more than the burst").isEqualTo(3);
	}

	@Test
	void aSlowLimitSaysHowManyWholeSecondsToWait() {
		TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(0.1, 1), 100, now::get);
		assertThat(buckets.take("address").allowed()).isTrue();
		TokenBuckets.Decision refused = buckets.take("address");
		assertThat(refused.retryAfterSeconds()).isEqualTo(10);
		now.addAndGet(TimeUnit.SECONDS.toNanos(4));
		assertThat(buckets.take("address").retryAfterSeconds()).isEqualTo(6);
	}

	@Test
	void aTokenGivenBackCanBeSpentAgainButNotBeyondTheBurst() {
		TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(1, 2), 100, now::get);
		buckets.take("client");
		buckets.take("client");
		buckets.giveBack("client");
		assertThat(buckets.take("client").allowed()).isTrue();
		buckets.giveBack("client");
		buckets.giveBack("client");
		buckets.giveBack("client");
		assertThat(buckets.take("client").remaining()).isEqualTo(1);
	}

	@Test
	void anAttackerRotatingKeysCannotGrowTheMapPastItsBound() {
		TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(10, 50), 1_000, now::get);
		buckets.take("a member who keeps calling");
		for (int i = 0; i < 200_000; i++) {
			buckets.take("10.0." + (i >> 8 & 0xff) + "." + (i & 0xff) + "#" + i);
			if (i % 500 == 0) {
				buckets.take("a member who keeps calling");
			}
		}
		assertThat(buckets.tracked()).isEqualTo(1_000);
		// The member's bucket is used often, so it is never the least recently used one: it kept its count.
		assertThat(buckets.take("a member who keeps calling").remaining()).isLessThan(49);
	}
}
