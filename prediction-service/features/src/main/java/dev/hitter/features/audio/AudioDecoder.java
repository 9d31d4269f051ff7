package dev.hitter.features.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.hitter.features.audio.AudioRejectedException.Reason;

/**
 * Decodes an audio file with FFmpeg into mono PCM at the segment rule's rate, decoding only the part it needs.
 *
 * <p>Thread-safe: one instance can serve every request; all native state lives within a call and is freed in
 * {@code finally} blocks. Every refusal of the input is an {@link AudioRejectedException}; I/O failures of the
 * file itself (missing, unreadable) are {@link UncheckedIOException}s because they are not the uploader's fault.
 */
public final class AudioDecoder {

	/** Rate of {@link #decodeAll(Path)}'s output, the Melon rate. */
	public static final int DEFAULT_SAMPLE_RATE = 16_000;

	/** Decoding starts this much before a segment so decoders and the resampler have settled by its first sample. */
	private static final double PREROLL_SECONDS = 1.0;

	static {
		// Corrupt uploads would flood the server's stderr with FFmpeg's warnings; refusals are exceptions instead.
		// An application that chose its own FFmpeg log level keeps it.
		if (av_log_get_level() == AV_LOG_INFO) {
			av_log_set_level(AV_LOG_FATAL);
		}
	}

	private final DecodeLimits limits;

	public AudioDecoder() {
		this(DecodeLimits.defaults());
	}

	public AudioDecoder(DecodeLimits limits) {
		this.limits = limits;
	}

	public DecodeLimits limits() {
		return limits;
	}

	/** The rule's segment of the file, decoded by seeking to it; see {@link SegmentRule} for short tracks. */
	public DecodedAudio decode(Path file, SegmentRule rule) {
		long size = checkFile(file);
		try (AudioFile audio = AudioFile.open(file, size, limits)) {
			checkDeclaredLength(file, size, audio);
			double claimed = audio.durationSeconds();
			int length = rule.lengthSamples();
			if (Double.isNaN(claimed)) {
				return fromWholeTrack(audio, rule, false);
			}
			SegmentWindow window = rule.window(claimed);
			try (SegmentCollector read = read(audio, window, rule.sampleRate(), length)) {
				if (read.complete() || window.padded() && read.filled() >= samplesOf(window, rule)) {
					return result(audio, rule, claimed, window, read.samples(length));
				}
				if (!read.sawFrames()) {
					// Nothing after the seek: the track is shorter than claimed, by an unknown amount.
					return fromWholeTrack(audio, rule, true);
				}
				// The stream ended inside the window, so its real end is known.
				double actual = read.endSeconds();
				checkNotTruncated(audio, claimed, actual);
				SegmentWindow actualWindow = rule.window(actual);
				if (actualWindow.startSeconds() == 0 && window.startSeconds() == 0) {
					return result(audio, rule, actual, actualWindow, read.samples(length));
				}
				try (SegmentCollector again = read(audio, actualWindow, rule.sampleRate(), length)) {
					return result(audio, rule, actual, actualWindow, again.samples(length));
				}
			}
		}
	}

	/** The whole track, mono at {@value #DEFAULT_SAMPLE_RATE} Hz, for tools; bounded by the limits' duration. */
	public float[] decodeAll(Path file) {
		long size = checkFile(file);
		try (AudioFile audio = AudioFile.open(file, size, limits)) {
			checkDeclaredLength(file, size, audio);
			float[] all = readAll(audio, DEFAULT_SAMPLE_RATE);
			if (all.length == 0) {
				throw new AudioRejectedException(Reason.DAMAGED, "The file contains no decodable audio.");
			}
			return all;
		}
	}

	private DecodedAudio fromWholeTrack(AudioFile audio, SegmentRule rule, boolean rewind) {
		if (rewind && !audio.rewind()) {
			throw new AudioRejectedException(Reason.DAMAGED, "The audio cannot be positioned (damaged index).");
		}
		float[] all = readAll(audio, rule.sampleRate());
		double actual = (double) all.length / rule.sampleRate();
		SegmentWindow window = rule.window(actual);
		int from = (int) Math.round(window.startSeconds() * rule.sampleRate());
		int to = Math.min(all.length, from + rule.lengthSamples());
		float[] segment = Arrays.copyOf(Arrays.copyOfRange(all, from, to), rule.lengthSamples());
		return result(audio, rule, actual, window, segment);
	}

	private float[] readAll(AudioFile audio, int rate) {
		long cap = (long) Math.ceil(limits.maxDurationSeconds() * rate);
		try (SegmentCollector read = new SegmentCollector(rate, 0, -1, cap, false, audio.timeBase())) {
			audio.decode(read);
			if (read.overflowed()) {
				throw audio.tooLong();
			}
			read.finish();
			if (read.overflowed()) {
				throw audio.tooLong();
			}
			double claimed = audio.durationSeconds();
			if (!Double.isNaN(claimed)) {
				checkNotTruncated(audio, claimed, read.endSeconds());
			}
			return Arrays.copyOf(read.samples(read.filled()), read.filled());
		}
	}

	/** Reads a window; the caller closes the returned collector. */
	private SegmentCollector read(AudioFile audio, SegmentWindow window, int rate, int length) {
		long wanted = Math.min(length, samplesOf(window, rate));
		double target = window.startSeconds() - PREROLL_SECONDS;
		boolean seeked = target > 0 && audio.seek(target);
		if (!seeked && !audio.rewind()) {
			throw new AudioRejectedException(Reason.DAMAGED, "The audio cannot be positioned (damaged index).");
		}
		SegmentCollector read = new SegmentCollector(rate, window.startSeconds(), wanted, wanted, seeked, audio.timeBase());
		try {
			audio.decode(read);
			if (read.overshot()) {
				read.close();
				// The seek landed too late to place the segment: decode from the start instead.
				if (!audio.rewind()) {
					throw new AudioRejectedException(Reason.DAMAGED, "The audio cannot be positioned (damaged index).");
				}
				read = new SegmentCollector(rate, window.startSeconds(), wanted, wanted, false, audio.timeBase());
				audio.decode(read);
			}
			read.finish();
			return read;
		}
		catch (RuntimeException ex) {
			read.close();
			throw ex;
		}
	}

	private static long samplesOf(SegmentWindow window, int rate) {
		return Math.round(window.sourceSeconds() * rate);
	}

	private static long samplesOf(SegmentWindow window, SegmentRule rule) {
		// The last few samples of a stream can be lost in the resampler; a padded window tolerates that.
		return samplesOf(window, rule.sampleRate()) - rule.sampleRate() / 100;
	}

	private static void checkNotTruncated(AudioFile audio, double claimed, double actual) {
		if (!audio.durationIsEstimate()) {
			checkNotTruncated(claimed, actual);
		}
	}

	private static void checkNotTruncated(double claimed, double actual) {
		double tolerance = Math.max(0.5, 0.02 * claimed);
		if (claimed - actual > tolerance) {
			throw new AudioRejectedException(Reason.TRUNCATED, String.format(
					"The file is cut off: it says %.1f s but only %.1f s of audio are there.", claimed, actual));
		}
	}

	/**
	 * WAV and AIFF state their length, but FFmpeg measures them by the file and only the segment is decoded, so a
	 * cut file would be scored as a shorter whole one. Only a streaming writer's sentinel (0 or 0xFFFFFFFF) leaves
	 * the length open; any other stated length, however large, is a statement the data must meet, as a FLAC's
	 * STREAMINFO is. A WAV claiming hours over 20 s of data is no placeholder but an over-claim or a cut.
	 */
	private static void checkDeclaredLength(Path file, long size, AudioFile audio) {
		DeclaredPcmLength.of(file, size).ifPresent(frames -> {
			double rate = audio.sampleRate();
			checkNotTruncated(frames.declared() / rate, frames.present() / rate);
		});
	}

	private static DecodedAudio result(AudioFile audio, SegmentRule rule, double duration, SegmentWindow window,
			float[] samples) {
		return new DecodedAudio(samples, rule.sampleRate(), duration, audio.sampleRate(), audio.channels(),
				audio.container(), audio.codecName(), window.startSeconds(), window.padded(), audio.decodedSeconds());
	}

	private long checkFile(Path file) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audio file", ex);
		}
		if (size == 0) {
			throw new AudioRejectedException(Reason.EMPTY, "The file is empty.");
		}
		if (size > limits.maxFileBytes()) {
			throw new AudioRejectedException(Reason.TOO_LARGE, String.format(
					"The file is %.1f MB; at most %.1f MB are accepted.", size / 1e6, limits.maxFileBytes() / 1e6));
		}
		return size;
	}
}
