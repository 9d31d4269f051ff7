package dev.hitter.trainer.network;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.OneHot;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

import dev.hitter.models.Signatures;

/**
 * The lyrics CNN: token ids {@code [B, L]} → embedding (padding masked to zero) → bias-free 1D convolutions of
 * several widths with ReLU → global max pooling → one dense unit.
 *
 * <p>{@code token_contributions} is an exact max-pool attribution: for each filter that fired (max &gt; 0), its
 * winning window's value times its dense weight is split over the window's positions by what each position's
 * embedding added to the filter ({@code filter[k] · embedding[t*+k]}). Because the convolutions have no bias and
 * padding embeds to zero, padding gets exactly 0 and the contributions plus the output bias are the logit.
 */
public final class LyricsNetwork extends HitNetwork<int[]> {

	/** Embedding width, filters per convolution width, and the widths. */
	public record Sizes(int embedding, int filters, List<Integer> widths) {

		public static final Sizes DEFAULT = new Sizes(32, 32, List.of(2, 3, 4));
	}

	private final int length;

	private final int vocabularySize;

	private final Sizes sizes;

	private final Placeholder<TInt32> tokens;

	private final Variable<TFloat32> bias;

	public LyricsNetwork(int length, int vocabularySize, Sizes sizes, long seed, float l2, float learningRate) {
		this(length, vocabularySize, sizes, seed, l2, learningRate, 2);
	}

	/** @param threads TensorFlow intra-op threads of the training session */
	public LyricsNetwork(int length, int vocabularySize, Sizes sizes, long seed, float l2, float learningRate,
			int threads) {
		super(seed, threads);
		this.length = length;
		this.vocabularySize = vocabularySize;
		this.sizes = sizes;
		int e = sizes.embedding();
		int f = sizes.filters();
		this.tokens = tf.withName(Signatures.LYRICS_INPUT).placeholder(TInt32.class,
				Placeholder.shape(Shape.of(-1, length)));
		Variable<TFloat32> table = weight("embedding", Shape.of(vocabularySize, e),
				initialWeights.normal(vocabularySize * e, 0.1), true);
		Operand<TFloat32> present = tf.expandDims(tf.dtypes.cast(tf.math.notEqual(tokens, tf.constant(0)),
				TFloat32.class), tf.constant(-1)); // [B, L, 1]
		Operand<TFloat32> embedded = tf.math.mul(tf.gather(table, tokens, tf.constant(0)), present); // [B, L, E]
		Operand<TFloat32> image = tf.expandDims(embedded, tf.constant(1)); // [B, 1, L, E]
		Operand<TFloat32> flatEmbedded = tf.reshape(embedded, tf.constant(new long[] { -1, e }));

		int features = f * sizes.widths().size();
		Variable<TFloat32> dense = weight("dense_w", Shape.of(features, 1), initialWeights.glorot(features, features, 1),
				true);
		this.bias = weight("dense_b", Shape.of(1), new float[1], false);

		List<Operand<TFloat32>> pooled = new ArrayList<>();
		Operand<TFloat32> contributions = null;
		for (int i = 0; i < sizes.widths().size(); i++) {
			int w = sizes.widths().get(i);
			int windows = length - w + 1;
			Variable<TFloat32> filter = weight("conv" + w + "_w", Shape.of(1, w, e, f),
					initialWeights.glorot(w * e * f, w * e, w * f), true);
			Operand<TFloat32> activation = tf.squeeze(
					tf.nn.relu(tf.nn.conv2d(image, filter, List.of(1L, 1L, 1L, 1L), "VALID")), Squeeze.axis(1L));
			Operand<TFloat32> max = tf.reduceMax(activation, tf.constant(1)); // [B, F]
			pooled.add(max);

			// Attribution: which window won each filter, whether it fired, and the filter's dense weight.
			Operand<TFloat32> denseSlice = tf.reshape(
					tf.slice(dense, tf.constant(new int[] { i * f, 0 }), tf.constant(new int[] { f, 1 })),
					tf.constant(new long[] { f }));
			Operand<TInt64> winner = tf.math.argMax(activation, tf.constant(1)); // [B, F]
			Operand<TFloat32> fired = tf.dtypes.cast(tf.math.greater(max, tf.constant(0f)), TFloat32.class);
			Operand<TFloat32> selected = tf.oneHot(winner, tf.constant(windows), tf.constant(1f), tf.constant(0f),
					OneHot.axis(1L)); // [B, windows, F]
			Operand<TFloat32> credit = tf.math.mul(selected,
					tf.expandDims(tf.math.mul(fired, denseSlice), tf.constant(1)));
			for (int k = 0; k < w; k++) {
				Operand<TFloat32> tap = tf.reshape(
						tf.slice(filter, tf.constant(new int[] { 0, k, 0, 0 }), tf.constant(new int[] { 1, 1, e, f })),
						tf.constant(new long[] { e, f }));
				Operand<TFloat32> part = tf.reshape(tf.linalg.matMul(flatEmbedded, tap),
						tf.constant(new long[] { -1, length, f })); // what each position adds through tap k
				Operand<TFloat32> aligned = tf.slice(part, tf.constant(new int[] { 0, k, 0 }),
						tf.constant(new int[] { -1, windows, f }));
				Operand<TFloat32> perWindow = tf.reduceSum(tf.math.mul(aligned, credit), tf.constant(2)); // [B, windows]
				Operand<TFloat32> perPosition = tf.pad(perWindow,
						tf.constant(new int[][] { { 0, 0 }, { k, length - windows - k } }), tf.constant(0f));
				contributions = contributions == null ? perPosition : tf.math.add(contributions, perPosition);
			}
		}
		Operand<TFloat32> pooledFeatures = tf.concat(pooled, tf.constant(1));
		Operand<TFloat32> logit = tf.math.add(tf.linalg.matMul(pooledFeatures, dense), bias);
		finish(logit, contributions, l2, learningRate);
	}

	public int length() {
		return length;
	}

	@Override
	protected String inputName() {
		return Signatures.LYRICS_INPUT;
	}

	@Override
	protected String contributionsName() {
		return Signatures.LYRICS_CONTRIBUTIONS;
	}

	@Override
	protected Operand<?> input() {
		return tokens;
	}

	@Override
	protected Operand<TFloat32> outputBias() {
		return bias;
	}

	@Override
	protected Tensor inputTensor(List<int[]> batch) {
		int[] flat = new int[batch.size() * length];
		for (int i = 0; i < batch.size(); i++) {
			System.arraycopy(batch.get(i), 0, flat, i * length, length);
		}
		return TInt32.tensorOf(Shape.of(batch.size(), length), DataBuffers.of(flat, true, false));
	}

	@Override
	public String architecture() {
		int f = sizes.filters();
		return String.format("1D text CNN over token ids [B, %d] (0 = padding): embedding %,d × %d (padding masked to "
				+ "zero); bias-free convolutions of widths %s with %d filters each, ReLU ('valid' padding); global max "
				+ "pooling → %d features; dense %d → 1 logit. token_contributions = exact max-pool attribution: each "
				+ "fired filter's dense-weighted maximum is split over its winning window's positions by what each "
				+ "position's embedding added to it, so padding gets 0 and their sum plus the output bias is the logit. "
				+ "%,d parameters.", length, vocabularySize, sizes.embedding(), sizes.widths(), f,
				f * sizes.widths().size(), f * sizes.widths().size(), parameterCount());
	}
}
