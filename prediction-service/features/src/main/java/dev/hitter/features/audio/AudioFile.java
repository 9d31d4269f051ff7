package dev.hitter.features.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

import dev.hitter.features.audio.AudioRejectedException.Reason;

/**
 * One opened audio file: FFmpeg's demuxer and decoder for its best audio stream, validated against
 * {@link DecodeLimits}. Holds native state for a single decode call; not thread-safe; always close it.
 */
final class AudioFile implements AutoCloseable {

	// Only demuxers for audio containers: keeps playlist and concat demuxers (which open other files) out of reach.
	private static final String FORMAT_WHITELIST = "wav,w64,aiff,mp3,flac,ogg,mov,mp4,m4a,3gp,aac,matroska,webm,caf";

	/** Probe scores below this are guesses (random bytes reach 1); a real container scores 50 or more. */
	private static final int MIN_PROBE_SCORE = 25;

	/** Undecodable packets in a row after which the file is declared damaged rather than concealed. */
	private static final int MAX_CONSECUTIVE_ERRORS = 200;

	private static final int EAGAIN = -11; // AVERROR(EAGAIN) on Linux

	private static final int EINVAL = -22; // AVERROR(EINVAL) on Linux

	private final DecodeLimits limits;
	private final long deadlineNanos;
	private AVFormatContext format;
	private AVCodecContext codec;
	private AVPacket packet;
	private AVFrame frame;
	private AVStream stream;
	private int streamIndex;
	private long packets;
	private long decodedSourceSamples;
	private double decodedSeconds;

	private AudioFile(DecodeLimits limits) {
		this.limits = limits;
		this.deadlineNanos = System.nanoTime() + limits.deadline().toNanos();
	}

	static AudioFile open(Path file, long size, DecodeLimits limits) {
		AudioFile audio = new AudioFile(limits);
		try {
			audio.openFormat(file, size);
			audio.openCodec();
			return audio;
		}
		catch (RuntimeException ex) {
			audio.close();
			throw ex;
		}
	}

	private void openFormat(Path file, long size) {
		AVFormatContext ctx = avformat_alloc_context();
		AVDictionary options = new AVDictionary(null);
		int rc;
		// "file:" stops a colon in the name from selecting another protocol.
		try (BytePointer url = new BytePointer("file:" + file.toAbsolutePath(), StandardCharsets.UTF_8)) {
			av_dict_set(options, "format_whitelist", FORMAT_WHITELIST, 0);
			av_dict_set(options, "protocol_whitelist", "file", 0);
			av_dict_set(options, "probesize", "5000000", 0);
			av_dict_set(options, "analyzeduration", "10000000", 0);
			rc = avformat_open_input(ctx, url, null, options);
		}
		finally {
			av_dict_free(options);
		}
		if (rc < 0) {
			// FFmpeg has freed the context already.
			// EINVAL: FFmpeg recognised a format that is not on the list (or merely guessed one, for noise).
			Reason reason = rc == EINVAL ? ContainerSniffer.classifyUnlisted(file)
					: ContainerSniffer.classifyUnopenable(file, size);
			throw new AudioRejectedException(reason, switch (reason) {
				case UNSUPPORTED_FORMAT -> "The file is in a format we do not accept; upload WAV, AIFF, MP3, FLAC, OGG, Opus or M4A.";
				case TRUNCATED -> "The file is cut off: its header is incomplete.";
				case DAMAGED -> "The file looks like audio but its header is damaged.";
				default -> "The file is not audio we can read.";
			});
		}
		format = ctx;
		if (format.probe_score() < MIN_PROBE_SCORE) {
			throw new AudioRejectedException(Reason.NOT_AUDIO, "The file is not audio we can read.");
		}
		// Headers are judged before FFmpeg probes the streams: a decoder that refuses 60,000 channels would
		// leave zero behind, hiding why.
		for (int i = 0; i < format.nb_streams(); i++) {
			AVCodecParameters parameters = format.streams(i).codecpar();
			if (parameters.codec_type() == AVMEDIA_TYPE_AUDIO) {
				checkAbsurd(parameters.sample_rate(), parameters.ch_layout().nb_channels());
			}
		}
		checkDeadline();
		rc = avformat_find_stream_info(format, (AVDictionary) null);
		if (rc < 0) {
			throw new AudioRejectedException(Reason.DAMAGED, "The audio's stream information cannot be read.");
		}
		streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
		if (streamIndex < 0) {
			throw new AudioRejectedException(format.nb_streams() > 0 ? Reason.UNSUPPORTED_FORMAT : Reason.NOT_AUDIO,
					"The file contains no audio stream.");
		}
		stream = format.streams(streamIndex);
		checkParameters(stream.codecpar().sample_rate(), stream.codecpar().ch_layout().nb_channels());
		double duration = durationSeconds();
		if (duration > limits.maxDurationSeconds()) {
			throw tooLong();
		}
	}

	private void openCodec() {
		AVCodecParameters parameters = stream.codecpar();
		AVCodec decoder = avcodec_find_decoder(parameters.codec_id());
		if (decoder == null || decoder.isNull()) {
			throw new AudioRejectedException(Reason.UNSUPPORTED_FORMAT, "The audio codec is not supported.");
		}
		codec = avcodec_alloc_context3(decoder);
		if (codec == null || codec.isNull() || avcodec_parameters_to_context(codec, parameters) < 0) {
			throw new AudioRejectedException(Reason.DAMAGED, "The audio's codec parameters are invalid.");
		}
		// One thread per call: concurrency comes from calls, and results stay deterministic.
		codec.thread_count(1);
		if (avcodec_open2(codec, decoder, (AVDictionary) null) < 0) {
			throw new AudioRejectedException(Reason.DAMAGED, "The audio's codec parameters are invalid.");
		}
		packet = av_packet_alloc();
		frame = av_frame_alloc();
	}

	void checkParameters(int sampleRate, int channels) {
		checkAbsurd(sampleRate, channels);
		if (sampleRate <= 0 || channels <= 0) {
			throw new AudioRejectedException(Reason.DAMAGED, "The audio has no valid sample rate or channel count.");
		}
	}

	private void checkAbsurd(int sampleRate, int channels) {
		if (sampleRate > limits.maxSampleRate() || channels > limits.maxChannels()) {
			throw new AudioRejectedException(Reason.ABSURD_PARAMETERS, String.format(
					"The audio claims %d Hz and %d channels; at most %d Hz and %d channels are accepted.",
					sampleRate, channels, limits.maxSampleRate(), limits.maxChannels()));
		}
	}

	AudioRejectedException tooLong() {
		return new AudioRejectedException(Reason.TOO_LONG, String.format(
				"The audio is longer than the %.0f minutes accepted.", limits.maxDurationSeconds() / 60));
	}

	/** The duration the container states (or FFmpeg estimated), or NaN when unknown. */
	double durationSeconds() {
		if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
			return format.duration() / 1_000_000.0;
		}
		if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
			return stream.duration() * timeBase();
		}
		return Double.NaN;
	}

	/** Whether {@link #durationSeconds()} is a guess from the bit rate rather than a stated length. */
	boolean durationIsEstimate() {
		return format.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE;
	}

	int sampleRate() {
		return stream.codecpar().sample_rate();
	}

	int channels() {
		return stream.codecpar().ch_layout().nb_channels();
	}

	String container() {
		return format.iformat().name().getString();
	}

	String codecName() {
		return codec.codec().name().getString();
	}

	double decodedSeconds() {
		return decodedSeconds;
	}

	double timeBase() {
		return (double) stream.time_base().num() / stream.time_base().den();
	}

	/** Seeks to a key point at or before the given source time; false if the container cannot seek. */
	boolean seek(double seconds) {
		long target = (long) (seconds * 1_000_000);
		int rc = avformat_seek_file(format, -1, Long.MIN_VALUE, target, target, 0);
		avcodec_flush_buffers(codec);
		return rc >= 0;
	}

	/** Goes back to the start of the stream, unless nothing has been read yet; false if the container cannot seek. */
	boolean rewind() {
		return packets == 0 || seek(0);
	}

	/** Receives decoded frames with their source time in seconds (NaN when the frame carries none). */
	interface FrameSink {
		/** Returns false to stop decoding. */
		boolean accept(AVFrame frame, double seconds);
	}

	/**
	 * Decodes from the current position until the sink stops or the stream ends; corrupt packets are skipped
	 * (as a player would) unless nothing decodes at all.
	 *
	 * @return true if the stream ended, false if the sink stopped it
	 */
	boolean decode(FrameSink sink) {
		int consecutiveErrors = 0;
		long framesBefore = decodedSourceSamples;
		int errors = 0;
		while (true) {
			checkDeadline();
			int rc = av_read_frame(format, packet);
			if (rc < 0) {
				// End of file, or a read error at a cut-off end: either way the stream is over.
				avcodec_send_packet(codec, null);
				boolean stopped = !drain(sink);
				if (decodedSourceSamples == framesBefore && errors > 0) {
					throw undecodable();
				}
				return !stopped;
			}
			try {
				if (++packets > limits.maxPackets()) {
					throw new AudioRejectedException(Reason.TIMED_OUT,
							"The audio has too many packets to decode (pathological file).");
				}
				if (packet.stream_index() != streamIndex) {
					continue;
				}
				rc = avcodec_send_packet(codec, packet);
			}
			finally {
				av_packet_unref(packet);
			}
			if (rc < 0 && rc != EAGAIN) {
				errors++;
				if (++consecutiveErrors > MAX_CONSECUTIVE_ERRORS) {
					throw undecodable();
				}
				continue;
			}
			consecutiveErrors = 0;
			if (!drain(sink)) {
				return false;
			}
		}
	}

	private boolean drain(FrameSink sink) {
		while (true) {
			int rc = avcodec_receive_frame(codec, frame);
			if (rc == EAGAIN || rc == AVERROR_EOF) {
				return true;
			}
			if (rc < 0) {
				// A frame that fails to decode is concealed by skipping it.
				return true;
			}
			try {
				if (frame.nb_samples() <= 0) {
					continue;
				}
				checkParameters(frame.sample_rate(), frame.ch_layout().nb_channels());
				decodedSourceSamples += frame.nb_samples();
				decodedSeconds += (double) frame.nb_samples() / frame.sample_rate();
				if (decodedSeconds > limits.maxDurationSeconds() + 60) {
					throw tooLong();
				}
				long pts = frame.best_effort_timestamp();
				double seconds = Double.NaN;
				if (pts != AV_NOPTS_VALUE) {
					long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
					seconds = (pts - start) * timeBase();
				}
				if (!sink.accept(frame, seconds)) {
					return false;
				}
			}
			finally {
				av_frame_unref(frame);
			}
		}
	}

	private static AudioRejectedException undecodable() {
		return new AudioRejectedException(Reason.DAMAGED, "The audio data is damaged and cannot be decoded.");
	}

	private void checkDeadline() {
		if (System.nanoTime() - deadlineNanos > 0) {
			throw new AudioRejectedException(Reason.TIMED_OUT,
					"Decoding took longer than the time allowed per file.");
		}
	}

	@Override
	public void close() {
		if (frame != null) {
			av_frame_free(frame);
			frame = null;
		}
		if (packet != null) {
			av_packet_free(packet);
			packet = null;
		}
		if (codec != null) {
			avcodec_free_context(codec);
			codec = null;
		}
		if (format != null) {
			avformat_close_input(format);
			format = null;
		}
	}
}
