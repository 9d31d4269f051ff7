package dev.hitter.features.audio;

import java.time.Duration;

/**
 * What the decoder accepts before it refuses an input, so that no upload can make it allocate without bound,
 * run without end, or trust an absurd header.
 *
 * @param maxFileBytes larger files are refused unopened ({@code TOO_LARGE})
 * @param maxDurationSeconds longer tracks are refused ({@code TOO_LONG}), whether the header says so or the
 *        decoded audio does
 * @param maxSampleRate higher source rates are refused ({@code ABSURD_PARAMETERS})
 * @param maxChannels more source channels are refused ({@code ABSURD_PARAMETERS})
 * @param maxPackets a cap on demuxed packets per call ({@code TIMED_OUT}); a 20-minute track has well under
 *        100,000 of them, so only pathological files reach it
 * @param deadline wall-clock budget per call ({@code TIMED_OUT})
 */
public record DecodeLimits(long maxFileBytes, double maxDurationSeconds, int maxSampleRate, int maxChannels,
		long maxPackets, Duration deadline) {

	public DecodeLimits {
		if (maxFileBytes < 1) {
			throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
		}
		if (!(maxDurationSeconds > 0) || maxDurationSeconds > 24 * 3600) {
			throw new IllegalArgumentException("maxDurationSeconds must be in (0, 86400], was " + maxDurationSeconds);
		}
		if (maxSampleRate < 8000) {
			throw new IllegalArgumentException("maxSampleRate must be at least 8000, was " + maxSampleRate);
		}
		if (maxChannels < 1 || maxChannels > 1024) {
			throw new IllegalArgumentException("maxChannels must be in [1, 1024], was " + maxChannels);
		}
		if (maxPackets < 1) {
			throw new IllegalArgumentException("maxPackets must be positive, was " + maxPackets);
		}
		if (deadline == null || deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("deadline must be positive, was " + deadline);
		}
	}

	/** 200 MB, 20 minutes, 384 kHz, 32 channels, 2 million packets, 60 s per call. */
	public static DecodeLimits defaults() {
		return new DecodeLimits(200L * 1024 * 1024, 20 * 60, 384_000, 32, 2_000_000, Duration.ofSeconds(60));
	}
}
