package dev.hitter.trainer.network;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import dev.hitter.models.Signatures;

/**
 * The audio CNN: time-major log-mel {@code [B, frames, bands]} (time as the sequence, bands as channels), three
 * 1D convolutions with ReLU, the first two followed by max pooling over 4 frames, global average pooling, one
 * dense unit. Its class-activation map is exact: position t's contribution is {@code w · F[t] / T'}, so the
 * contributions plus the output bias are the logit.
 *
 * <p>With 1,876 frames, T' = 117: position p summarises mel frames {@code [16p, 16p+16)}, i.e. seconds
 * {@code [0.256p, 0.256(p+1))} of the 30 s segment (hop 256 at 16 kHz); the last 4 frames (after 29.95 s) fall
 * out of the second pooling.
 */
public final class AudioNetwork extends HitNetwork<float[]> {

	/** Channels and kernel widths of the three convolutions; pooling 4 after the first two. */
	public record Sizes(int channels1, int channels2, int channels3, int width1, int width2, int width3, int pool) {

		/** Trains in about a minute per genre on two cores with 600 demonstration songs. */
		public static final Sizes DEFAULT = new Sizes(16, 32, 32, 5, 5, 3, 4);
	}

	private final int frames;

	private final int bands;

	private final Sizes sizes;

	private final int positions;

	private final Placeholder<TFloat32> mel;

	private final Variable<TFloat32> bias;

	/**
	 * @param bandMean per-band mean of the training mels, subtracted inside the graph (the server feeds raw mels)
	 * @param bandScale per-band standard deviation, divided out likewise
	 */
	public AudioNetwork(int frames, int bands, float[] bandMean, float[] bandScale, Sizes sizes, long seed,
			float l2, float learningRate) {
		this(frames, bands, bandMean, bandScale, sizes, seed, l2, learningRate, 2);
	}

	/** @param threads TensorFlow intra-op threads of the training session */
	public AudioNetwork(int frames, int bands, float[] bandMean, float[] bandScale, Sizes sizes, long seed,
			float l2, float learningRate, int threads) {
		super(seed, threads);
		this.frames = frames;
		this.bands = bands;
		this.sizes = sizes;
		this.mel = tf.withName(Signatures.AUDIO_INPUT).placeholder(TFloat32.class,
				Placeholder.shape(Shape.of(-1, frames, bands)));
		Operand<TFloat32> x = tf.math.div(tf.math.sub(mel, tf.constant(bandMean)), tf.constant(bandScale));
		x = tf.expandDims(x, tf.constant(1)); // [B, 1, frames, bands]: conv2d with a height of one is a 1D convolution
		x = convolution("conv1", x, bands, sizes.channels1(), sizes.width1());
		x = pool(x, sizes.pool());
		x = convolution("conv2", x, sizes.channels1(), sizes.channels2(), sizes.width2());
		x = pool(x, sizes.pool());
		x = convolution("conv3", x, sizes.channels2(), sizes.channels3(), sizes.width3());
		this.positions = frames / sizes.pool() / sizes.pool();
		Operand<TFloat32> featureMap = tf.squeeze(x, Squeeze.axis(1L)); // [B, T', C]
		int c = sizes.channels3();
		Variable<TFloat32> dense = weight("dense_w", Shape.of(c, 1), initialWeights.glorot(c, c, 1), true);
		this.bias = weight("dense_b", Shape.of(1), new float[1], false);
		Operand<TFloat32> pooled = tf.math.mean(featureMap, tf.constant(1)); // [B, C]
		Operand<TFloat32> logit = tf.math.add(tf.linalg.matMul(pooled, dense), bias);
		Operand<TFloat32> perPosition = tf.linalg.matMul(tf.reshape(featureMap, tf.constant(new long[] { -1, c })),
				dense);
		Operand<TFloat32> cam = tf.math.div(tf.reshape(perPosition, tf.constant(new long[] { -1, positions })),
				tf.constant((float) positions));
		finish(logit, cam, l2, learningRate);
	}

	private Operand<TFloat32> convolution(String name, Operand<TFloat32> x, int in, int out, int width) {
		Variable<TFloat32> filter = weight(name + "_w", Shape.of(1, width, in, out),
				initialWeights.glorot(width * in * out, width * in, width * out), true);
		Variable<TFloat32> b = weight(name + "_b", Shape.of(out), new float[out], false);
		return tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, filter, List.of(1L, 1L, 1L, 1L), "SAME"), b));
	}

	private Operand<TFloat32> pool(Operand<TFloat32> x, int size) {
		return tf.nn.maxPool(x, tf.constant(new int[] { 1, 1, size, 1 }), tf.constant(new int[] { 1, 1, size, 1 }),
				"VALID");
	}

	/** T', the number of time positions of the feature map and of {@code time_contributions}. */
	public int positions() {
		return positions;
	}

	/** Seconds of the segment one position covers. */
	public double secondsPerPosition(double hopSeconds) {
		return hopSeconds * sizes.pool() * sizes.pool();
	}

	@Override
	protected String inputName() {
		return Signatures.AUDIO_INPUT;
	}

	@Override
	protected String contributionsName() {
		return Signatures.AUDIO_CONTRIBUTIONS;
	}

	@Override
	protected Operand<?> input() {
		return mel;
	}

	@Override
	protected Operand<TFloat32> outputBias() {
		return bias;
	}

	@Override
	protected Tensor inputTensor(List<float[]> batch) {
		int cells = frames * bands;
		float[] flat = new float[batch.size() * cells];
		for (int i = 0; i < batch.size(); i++) {
			System.arraycopy(batch.get(i), 0, flat, i * cells, cells);
		}
		return TFloat32.tensorOf(Shape.of(batch.size(), frames, bands), DataBuffers.of(flat, true, false));
	}

	@Override
	public String architecture() {
		return String.format("1D CNN over time-major log-mel [B, %d, %d] (time as the sequence, the %d bands as "
				+ "channels), per-band standardisation inside the graph (training-set mean and deviation); "
				+ "conv1 width %d → %d channels, ReLU, max-pool %d; conv2 width %d → %d, ReLU, max-pool %d; "
				+ "conv3 width %d → %d, ReLU (all 'same' padding) → feature map [B, %d, %d]; global average pooling; "
				+ "dense %d → 1 logit. time_contributions = class-activation map w·F[t]/%d over T' = %d positions "
				+ "(position p = mel frames [%d·p, %d·p+%d) = seconds [%.3f·p, %.3f·(p+1)) of the 30 s segment); "
				+ "their sum plus the output bias is the logit. %,d parameters.",
				frames, bands, bands, sizes.width1(), sizes.channels1(), sizes.pool(), sizes.width2(),
				sizes.channels2(), sizes.pool(), sizes.width3(), sizes.channels3(), positions, sizes.channels3(),
				sizes.channels3(), positions, positions, sizes.pool() * sizes.pool(), sizes.pool() * sizes.pool(),
				sizes.pool() * sizes.pool(), secondsPerPosition(256 / 16000.0), secondsPerPosition(256 / 16000.0),
				parameterCount());
	}
}
