package dev.hitter.features.audio;

import java.util.Arrays;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Collects the mono output samples of one stretch of source time, {@code [start, start + wanted)}, from frames
 * that may begin earlier (after a seek to a key point before it). Places the first frame by its timestamp, then
 * counts samples, so gaps in later timestamps cannot shift the segment.
 */
final class SegmentCollector implements AudioFile.FrameSink, MonoResampler.MonoSink, AutoCloseable {

	private final int rate;
	private final long startSample;
	private final long wanted;
	private final long cap;
	private final boolean seeked;
	private final double timeBase;
	private final double startSeconds;
	private final MonoResampler resampler;
	private float[] samples;
	private int filled;
	private long skip;
	private long produced;
	private double firstFrameSeconds = Double.NaN;
	private boolean overshot;
	private boolean overflowed;

	/**
	 * @param wanted samples to keep, or -1 for everything up to {@code cap}
	 * @param seeked whether the file was sought to a key point before {@code startSeconds}
	 * @param timeBase seconds per tick of the stream's timestamps
	 */
	SegmentCollector(int rate, double startSeconds, long wanted, long cap, boolean seeked, double timeBase) {
		this.timeBase = timeBase;
		this.rate = rate;
		this.startSeconds = startSeconds;
		this.startSample = Math.round(startSeconds * rate);
		this.wanted = wanted;
		this.cap = cap;
		this.seeked = seeked;
		this.samples = new float[(int) (wanted >= 0 ? wanted : Math.min(cap, 1 << 16))];
		this.resampler = new MonoResampler(rate, this);
	}

	@Override
	public boolean accept(AVFrame frame, double seconds) {
		if (!Double.isNaN(firstFrameSeconds)) {
			return resampler.push(frame, 0);
		}
		if (!seeked) {
			// From the start of the stream the first output sample is source time zero: the first frames'
			// timestamps still count the encoder delay (MP3) or pre-skip (Opus) the decoder has already trimmed.
			firstFrameSeconds = 0;
			skip = startSample;
			return resampler.push(frame, 0);
		}
		if (Double.isNaN(seconds)) {
			overshot = true;
			return false;
		}
		int inRate = frame.sample_rate();
		// A decoder that trims the first frame after a seek (Opus pre-skip) keeps the untrimmed timestamp.
		long trimmed = frame.duration() > 0 ? Math.round(frame.duration() * timeBase * inRate) - frame.nb_samples() : 0;
		long firstInput = Math.round(seconds * inRate) + Math.max(0, trimmed);
		// Start the resampler on an input sample that falls exactly on the output grid, so a sought segment has
		// the same phase as a decode from the start (at most rate/gcd - 1 input samples, 441 at 44.1 kHz).
		long step = inRate / gcd(inRate, rate);
		int drop = (int) Math.floorMod(-firstInput, step);
		if (drop >= frame.nb_samples()) {
			return true;
		}
		long alignedInput = firstInput + drop;
		if ((double) alignedInput / inRate > startSeconds + 0.5 / rate) {
			// The seek landed after the start: the segment cannot be placed from here.
			overshot = true;
			return false;
		}
		long firstOutput = alignedInput / step * (rate / gcd(inRate, rate));
		firstFrameSeconds = (double) firstOutput / rate;
		skip = Math.max(0, startSample - firstOutput);
		return resampler.push(frame, drop);
	}

	private static long gcd(long a, long b) {
		return b == 0 ? a : gcd(b, a % b);
	}

	@Override
	public boolean accept(float[] block, int count) {
		produced += count;
		int from = 0;
		if (skip > 0) {
			int dropped = (int) Math.min(skip, count);
			skip -= dropped;
			from = dropped;
		}
		int take = count - from;
		if (wanted >= 0) {
			take = (int) Math.min(take, wanted - filled);
		}
		else if (filled + (long) take > cap) {
			overflowed = true;
			return false;
		}
		if (filled + take > samples.length) {
			samples = Arrays.copyOf(samples, (int) Math.min(cap, Math.max(filled + (long) take, 2L * samples.length)));
		}
		System.arraycopy(block, from, samples, filled, take);
		filled += take;
		return wanted < 0 || filled < wanted;
	}

	/** Drains the resampler at the end of the stream. */
	void finish() {
		if (!overshot && !overflowed && (wanted < 0 || filled < wanted)) {
			resampler.flush();
		}
	}

	boolean complete() {
		return wanted >= 0 && filled >= wanted;
	}

	boolean overshot() {
		return overshot;
	}

	boolean overflowed() {
		return overflowed;
	}

	/** Whether any frame reached the collector (a seek past the real end yields none). */
	boolean sawFrames() {
		return !Double.isNaN(firstFrameSeconds) || overshot;
	}

	int filled() {
		return filled;
	}

	/** Source time at which the decoded audio ended (the track's real end once the stream has ended). */
	double endSeconds() {
		return (Double.isNaN(firstFrameSeconds) ? 0 : firstFrameSeconds) + (double) produced / rate;
	}

	/** The collected samples, zero-padded (or cut) to {@code length}. */
	float[] samples(int length) {
		return samples.length == length && filled <= length ? samples : Arrays.copyOf(samples, length);
	}

	@Override
	public void close() {
		resampler.close();
	}
}
