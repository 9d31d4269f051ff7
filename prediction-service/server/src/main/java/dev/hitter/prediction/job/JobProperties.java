package dev.hitter.prediction.job;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Batch prediction jobs: how big a submission may be, how replicas share the work, and how webhooks are called.
 *
 * @param maxItemsPerJob tracks in one submission
 * @param maxUnfinishedItemsPerMember tracks one member may have waiting or running across all their jobs; a
 *     submission past it is refused with 429
 * @param maxStagedBytesPerMember audio one member may keep staged in the database for their waiting items (each
 *     item's audio stays there until it is scored); a submission past it is refused with 429, so that one member
 *     cannot fill the database with 2,000 uploads of 60 MB
 * @param maxRequestSize the largest multipart submission (all files together)
 * @param workers items this replica scores at once; 0: one per analysis slot
 * @param pollInterval how often an idle worker looks for work
 * @param lease how long a claimed item belongs to its replica; a replica that dies leaves its items to be
 *     claimed again after this
 * @param maxAttempts claims of one item before it is given up as failed (an item that kills its replica every time
 *     must not kill them all)
 * @param busyRetry when to try again an item refused because every slot or model was busy
 * @param instanceId this replica's name in leases; empty: host name, process id and a random suffix
 * @param webhook how job-end webhooks are called
 */
@Validated
@ConfigurationProperties("hitter.prediction.jobs")
public record JobProperties(@Min(1) @Max(5000) @DefaultValue("500") int maxItemsPerJob,
		@Min(1) @DefaultValue("2000") int maxUnfinishedItemsPerMember,
		@NotNull @DefaultValue("4GB") DataSize maxStagedBytesPerMember,
		@NotNull @DefaultValue("2GB") DataSize maxRequestSize, @PositiveOrZero @DefaultValue("0") int workers,
		@NotNull @DefaultValue("1s") Duration pollInterval, @NotNull @DefaultValue("2m") Duration lease,
		@Min(1) @DefaultValue("3") int maxAttempts, @NotNull @DefaultValue("5s") Duration busyRetry,
		String instanceId, @Valid @NotNull @DefaultValue Webhook webhook) {

	/**
	 * @param allowPrivateAddresses call loopback, private and link-local addresses too (local tests and
	 *     single-machine setups); off by default so that a job cannot make the service probe its own network
	 * @param timeout connect and answer time of one call
	 * @param firstRetry the wait after the first failed call; each later wait is three times longer
	 * @param maxRetryDelay the longest wait between calls
	 * @param maxAttempts calls before the webhook is given up as failed
	 * @param allowedTargets {@code host:port} pairs called even though they are loopback, private or otherwise
	 *     internal: an operator's own receivers (a relay inside the network, the system test's receiver on
	 *     127.0.0.1). Exactly those host and port; everything else keeps the address rule
	 */
	public record Webhook(@DefaultValue("false") boolean allowPrivateAddresses,
			@NotNull @DefaultValue("10s") Duration timeout, @NotNull @DefaultValue("10s") Duration firstRetry,
			@NotNull @DefaultValue("1h") Duration maxRetryDelay, @Min(1) @DefaultValue("8") int maxAttempts,
			@DefaultValue({}) List<String> allowedTargets) {
	}

	@AssertTrue(message = "max-staged-bytes-per-member must be more than 0")
	boolean isMaxStagedBytesPositive() {
		return maxStagedBytesPerMember == null || maxStagedBytesPerMember.toBytes() > 0;
	}

	String instanceIdOrDefault() {
		if (instanceId != null && !instanceId.isBlank()) {
			return instanceId.strip();
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		String name = host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		return name.length() > 100 ? name.substring(name.length() - 100) : name;
	}
}
