package dev.hitter.features.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_get_bytes_per_sample;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;
import static org.bytedeco.ffmpeg.global.swresample.swr_set_matrix;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import java.util.Arrays;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Mixes decoded frames to mono, then resamples them to the target rate, with two libswresample contexts: the first
 * converts the sample format and takes the mean of the channels at the source rate (set as its matrix: swresample's
 * own downmix would be 0.707·(L+R), 3 dB louder than the mean the features expect), the second resamples the one
 * channel. Mixing first resamples a stereo track once instead of twice, and the resampling filter is most of the
 * cost; both steps are linear, so the result is the mean of the resampled channels up to float rounding.
 *
 * <p>Quality: swresample's windowed-sinc (Kaiser) resampler with a 64-tap filter (default 32) and exact rational
 * phases, so 44.1 kHz → 16 kHz uses the exact 160/441 ratio instead of an interpolated one. soxr is not in
 * bytedeco's FFmpeg build. One instance per decode call; not thread-safe. Reconfigures itself when a stream
 * changes rate, layout or sample format mid-way.
 */
final class MonoResampler implements AutoCloseable {

	private static final int FILTER_SIZE = 64;

	private final int outRate;
	private final MonoSink sink;
	/** Format conversion and the channel mean, at the source rate. */
	private SwrContext mixer;
	/** Mono resampling to the target rate. */
	private SwrContext swr;
	private final MonoBuffer mixed = new MonoBuffer();
	private AVChannelLayout layout;
	private int inRate;
	private int inFormat = -1;
	private int channels;
	private AVChannelLayout monoLayout;
	private final MonoBuffer resampled = new MonoBuffer();
	private float[] mono = new float[0];

	/** Receives mono samples in order. */
	interface MonoSink {
		/** Returns false when it wants no more samples. */
		boolean accept(float[] samples, int count);
	}

	MonoResampler(int outRate, MonoSink sink) {
		this.outRate = outRate;
		this.sink = sink;
	}

	/** Converts one frame, less its first {@code drop} samples; returns false once the sink is full. */
	boolean push(AVFrame frame, int drop) {
		int rate = frame.sample_rate();
		int format = frame.format();
		AVChannelLayout frameLayout = frame.ch_layout();
		if (swr == null || rate != inRate || format != inFormat || frameLayout.nb_channels() != channels) {
			if (swr != null && !flush()) {
				return false;
			}
			configure(frameLayout, rate, format);
		}
		int samples = frame.nb_samples();
		if (drop == 0) {
			return convert(frame.extended_data(), samples);
		}
		int bytes = av_get_bytes_per_sample(format);
		boolean planar = av_sample_fmt_is_planar(format) != 0;
		try (PointerPointer<Pointer> offset = new PointerPointer<>(planar ? channels : 1)) {
			for (int c = 0; c < (planar ? channels : 1); c++) {
				offset.put(c, new Address(frame.extended_data(c).address() + (long) drop * bytes * (planar ? 1 : channels)));
			}
			return convert(offset, samples - drop);
		}
	}

	/** A raw address inside a frame's sample buffer (JavaCPP offers no pointer arithmetic on PointerPointer). */
	private static final class Address extends Pointer {
		Address(long address) {
			this.address = address;
		}
	}

	/** Drains the resampler's delay line at the end of the stream; returns false once the sink is full. */
	boolean flush() {
		if (swr == null) {
			return true;
		}
		return convert(null, 0);
	}

	private boolean convert(PointerPointer<?> input, int inSamples) {
		PointerPointer<?> monoInput = null;
		int monoSamples = 0;
		if (input != null) {
			mixed.ensure(swr_get_out_samples(mixer, inSamples));
			monoSamples = swr_convert(mixer, mixed.pointers, mixed.capacity, input, inSamples);
			if (monoSamples < 0) {
				throw new AudioRejectedException(AudioRejectedException.Reason.DAMAGED,
						"The audio could not be resampled (inconsistent stream parameters).");
			}
			monoInput = mixed.pointers;
		}
		int max = swr_get_out_samples(swr, monoSamples);
		if (max < 0) {
			throw new AudioRejectedException(AudioRejectedException.Reason.DAMAGED,
					"The audio could not be resampled (inconsistent stream parameters).");
		}
		resampled.ensure(max);
		int produced = monoInput == null
				? swr_convert(swr, resampled.pointers, resampled.capacity, (PointerPointer<?>) null, 0)
				: swr_convert(swr, resampled.pointers, resampled.capacity, monoInput, monoSamples);
		if (produced < 0) {
			throw new AudioRejectedException(AudioRejectedException.Reason.DAMAGED,
					"The audio could not be resampled (inconsistent stream parameters).");
		}
		if (produced == 0) {
			return true;
		}
		if (mono.length < produced) {
			mono = new float[resampled.capacity];
		}
		resampled.samples.get(mono, 0, produced);
		return sink.accept(mono, produced);
	}

	private void configure(AVChannelLayout frameLayout, int rate, int format) {
		freeSwr();
		layout = new AVChannelLayout();
		av_channel_layout_copy(layout, frameLayout);
		channels = layout.nb_channels();
		monoLayout = new AVChannelLayout();
		av_channel_layout_default(monoLayout, 1);
		inRate = rate;
		inFormat = format;
		mixer = context(monoLayout, AV_SAMPLE_FMT_FLT, rate, layout, format, rate);
		double[] mean = new double[channels];
		Arrays.fill(mean, 1.0 / channels);
		if (swr_set_matrix(mixer, mean, channels) < 0 || swr_init(mixer) < 0) {
			throw rejected();
		}
		swr = context(monoLayout, AV_SAMPLE_FMT_FLT, outRate, monoLayout, AV_SAMPLE_FMT_FLT, rate);
		av_opt_set_int(swr, "filter_size", FILTER_SIZE, 0);
		av_opt_set_int(swr, "exact_rational", 1, 0);
		if (swr_init(swr) < 0) {
			throw rejected();
		}
	}

	private static SwrContext context(AVChannelLayout outLayout, int outFormat, int outRate, AVChannelLayout inLayout,
			int inFormat, int inRate) {
		// Allocated first so that the context pointer handed to swr_alloc_set_opts2 is never uninitialised memory.
		SwrContext context = swr_alloc();
		if (context == null || context.isNull()) {
			throw rejected();
		}
		if (swr_alloc_set_opts2(context, outLayout, outFormat, outRate, inLayout, inFormat, inRate, 0, null) < 0
				|| context.isNull()) {
			swr_free(context);
			throw rejected();
		}
		return context;
	}

	private static AudioRejectedException rejected() {
		return new AudioRejectedException(AudioRejectedException.Reason.DAMAGED,
				"The audio's sample format or channel layout cannot be converted.");
	}

	private void freeSwr() {
		if (mixer != null) {
			swr_free(mixer);
			mixer = null;
		}
		if (swr != null) {
			swr_free(swr);
			swr = null;
		}
		if (layout != null) {
			av_channel_layout_uninit(layout);
			layout.close();
			layout = null;
		}
		if (monoLayout != null) {
			av_channel_layout_uninit(monoLayout);
			monoLayout.close();
			monoLayout = null;
		}
	}

	@Override
	public void close() {
		freeSwr();
		resampled.free();
		mixed.free();
	}

	/** One channel of float samples in native memory, grown as needed, for swresample to write into. */
	private static final class MonoBuffer {

		FloatPointer samples;

		PointerPointer<FloatPointer> pointers;

		int capacity;

		void ensure(int wanted) {
			if (wanted <= capacity) {
				return;
			}
			free();
			capacity = Math.max(wanted, 4096);
			samples = new FloatPointer(capacity);
			pointers = new PointerPointer<>(1);
			pointers.put(0, samples);
		}

		void free() {
			if (samples != null) {
				samples.close();
				samples = null;
			}
			if (pointers != null) {
				pointers.close();
				pointers = null;
			}
			capacity = 0;
		}
	}
}
