package dev.hitter.features.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
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

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Resamples decoded frames to the target rate with libswresample, keeping every source channel, and averages the
 * channels in Java: FFmpeg's own downmix is 0.707·(L+R), 3 dB louder than the mean the features expect.
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
	private SwrContext swr;
	private AVChannelLayout layout;
	private int inRate;
	private int inFormat = -1;
	private int channels;
	private FloatPointer[] planes = new FloatPointer[0];
	private PointerPointer<FloatPointer> planePointers;
	private int capacity;
	private float[] scratch = new float[0];
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
		int max = swr_get_out_samples(swr, inSamples);
		if (max < 0) {
			throw new AudioRejectedException(AudioRejectedException.Reason.DAMAGED,
					"The audio could not be resampled (inconsistent stream parameters).");
		}
		ensureCapacity(max);
		int produced = input == null ? swr_convert(swr, planePointers, capacity, (PointerPointer<?>) null, 0)
				: swr_convert(swr, planePointers, capacity, input, inSamples);
		if (produced < 0) {
			throw new AudioRejectedException(AudioRejectedException.Reason.DAMAGED,
					"The audio could not be resampled (inconsistent stream parameters).");
		}
		if (produced == 0) {
			return true;
		}
		if (mono.length < produced) {
			mono = new float[capacity];
			scratch = new float[capacity];
		}
		planes[0].get(mono, 0, produced);
		for (int c = 1; c < channels; c++) {
			planes[c].get(scratch, 0, produced);
			for (int i = 0; i < produced; i++) {
				mono[i] += scratch[i];
			}
		}
		if (channels > 1) {
			float scale = 1f / channels;
			for (int i = 0; i < produced; i++) {
				mono[i] *= scale;
			}
		}
		return sink.accept(mono, produced);
	}

	private void configure(AVChannelLayout frameLayout, int rate, int format) {
		freeSwr();
		layout = new AVChannelLayout();
		av_channel_layout_copy(layout, frameLayout);
		channels = layout.nb_channels();
		inRate = rate;
		inFormat = format;
		// Allocated first so that the context pointer handed to swr_alloc_set_opts2 is never uninitialised memory.
		swr = swr_alloc();
		if (swr == null || swr.isNull()
				|| swr_alloc_set_opts2(swr, layout, AV_SAMPLE_FMT_FLTP, outRate, layout, format, rate, 0, null) < 0
				|| swr.isNull()) {
			swr = null;
			throw rejected();
		}
		av_opt_set_int(swr, "filter_size", FILTER_SIZE, 0);
		av_opt_set_int(swr, "exact_rational", 1, 0);
		if (swr_init(swr) < 0) {
			throw rejected();
		}
	}

	private static AudioRejectedException rejected() {
		return new AudioRejectedException(AudioRejectedException.Reason.DAMAGED,
				"The audio's sample format or channel layout cannot be converted.");
	}

	private void ensureCapacity(int samples) {
		if (samples <= capacity && planes.length == channels) {
			return;
		}
		freePlanes();
		capacity = Math.max(samples, 4096);
		planes = new FloatPointer[channels];
		planePointers = new PointerPointer<>(channels);
		for (int c = 0; c < channels; c++) {
			planes[c] = new FloatPointer(capacity);
			planePointers.put(c, planes[c]);
		}
	}

	private void freePlanes() {
		for (FloatPointer plane : planes) {
			plane.close();
		}
		planes = new FloatPointer[0];
		if (planePointers != null) {
			planePointers.close();
			planePointers = null;
		}
		capacity = 0;
	}

	private void freeSwr() {
		if (swr != null) {
			swr_free(swr);
			swr = null;
		}
		if (layout != null) {
			av_channel_layout_uninit(layout);
			layout.close();
			layout = null;
		}
	}

	@Override
	public void close() {
		freeSwr();
		freePlanes();
	}
}
