package dev.hitter.trainer.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.framework.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

import dev.hitter.models.Signatures;

/**
 * A hit classifier as a TF Java graph with its session: trains on mini-batches (Adam on a stable sigmoid
 * cross-entropy plus L2), predicts the signature's three outputs, remembers its best weights and exports itself
 * as a SavedModel. Subclasses build the layers between the input and the logit.
 *
 * @param <X> one example's input: a time-major mel ({@code float[]}) or token ids ({@code int[]})
 */
public abstract class HitNetwork<X> implements AutoCloseable {

	protected final Graph graph = new Graph();

	protected final Ops tf = Ops.create(graph);

	protected final InitialWeights initialWeights;

	private final List<Weight> weights = new ArrayList<>();

	private Placeholder<TFloat32> labels;

	private Operand<TFloat32> logit;

	private Operand<TFloat32> probability;

	private Operand<TFloat32> contributions;

	private Operand<TFloat32> loss;

	private Op trainStep;

	private final List<Output<TFloat32>> gradients = new ArrayList<>();

	private final List<Placeholder<TFloat32>> gradientValues = new ArrayList<>();

	private Session session;

	private float[][] remembered;

	/** The session's intra-op threads (TensorFlow's kernels); inter-op stays 1, since one step runs at a time. */
	private final int threads;

	protected HitNetwork(long seed, int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1: " + threads);
		}
		this.initialWeights = new InitialWeights(seed);
		this.threads = threads;
	}

	/** A weight with its shape and starting values; registered for L2, snapshots and the parameter count. */
	private record Weight(Variable<TFloat32> variable, Shape shape, boolean decays, Placeholder<TFloat32> value,
			Assign<TFloat32> restore) {
	}

	protected final Variable<TFloat32> weight(String name, Shape shape, float[] initial, boolean decays) {
		Variable<TFloat32> variable = tf.withName(name)
			.variable(tf.constant(shape, DataBuffers.of(initial, true, false)));
		Placeholder<TFloat32> value = tf.withName(name + "_snapshot").placeholder(TFloat32.class,
				Placeholder.shape(shape));
		weights.add(new Weight(variable, shape, decays, value, tf.assign(variable, value)));
		return variable;
	}

	/**
	 * Adds the outputs under the signature's names, the loss and the optimiser, and starts the session. Called by a
	 * subclass's constructor once its layers exist.
	 */
	protected final void finish(Operand<TFloat32> logit, Operand<TFloat32> contributions, float l2,
			float learningRate) {
		this.logit = tf.withName(Signatures.LOGIT).identity(logit);
		this.probability = tf.withName(Signatures.PROBABILITY).math.sigmoid(this.logit);
		this.contributions = tf.withName(contributionsName()).identity(contributions);
		this.labels = tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
		// max(z,0) − z·y + log1p(exp(−|z|)): the sigmoid cross-entropy that neither overflows nor loses precision.
		Operand<TFloat32> z = this.logit;
		Operand<TFloat32> perExample = tf.math.add(tf.math.sub(tf.math.maximum(z, tf.constant(0f)),
				tf.math.mul(z, labels)), tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(z)))));
		Operand<TFloat32> total = tf.math.mean(perExample, tf.constant(new int[] { 0, 1 }));
		for (Weight weight : weights) {
			if (weight.decays()) {
				total = tf.math.add(total, tf.math.mul(tf.constant(l2), tf.nn.l2Loss(weight.variable())));
			}
		}
		this.loss = total;
		buildAdamStep(new Adam(graph, learningRate), loss);
		// Intra-op threads as the settings say (2 by default: the demonstration machine's cores). Reproducibility: the seed fixes data, splits, starting weights
		// and batch order, and the step below has no read/write race; but TensorFlow's CPU kernels still give
		// gradients that differ in the last bits from run to run (seen with one thread and without oneDNN too), and
		// Adam's normalised early steps amplify that, so a retrained model differs slightly (AUC in the 2nd-3rd
		// decimal). Inference of an exported model is deterministic.
		ConfigProto config = ConfigProto.newBuilder()
			.setIntraOpParallelismThreads(threads)
			.setInterOpParallelismThreads(1)
			.build();
		this.session = new Session(graph, config);
		session.initialize();
	}

	/**
	 * Splits Adam's step in two session runs: one computes the loss and every gradient, the next applies them
	 * (fed back as placeholders). The variables are TF1 reference variables, and in a single run
	 * {@code minimize} lets one layer's update overwrite weights that another op still reads: the step then depends
	 * on thread timing and a seeded run is not repeatable. Copying the gradients through Java costs microseconds
	 * at these sizes.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private void buildAdamStep(Adam adam, Operand<TFloat32> loss) {
		List<Optimizer.GradAndVar<?>> computed = adam.computeGradients(loss);
		List<Optimizer.GradAndVar<? extends TType>> fed = new ArrayList<>();
		for (Optimizer.GradAndVar<?> pair : computed) {
			Output<TFloat32> gradient = (Output<TFloat32>) pair.getGradient();
			Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(gradient.shape()));
			gradients.add(gradient);
			gradientValues.add(value);
			fed.add(new Optimizer.GradAndVar(value.asOutput(), pair.getVariable()));
		}
		this.trainStep = adam.applyGradients(fed, "train");
	}

	protected abstract String inputName();

	protected abstract String contributionsName();

	protected abstract Operand<?> input();

	/** The batch as the input placeholder's tensor. */
	protected abstract Tensor inputTensor(List<X> batch);

	/** The network in one paragraph for the model card: layers, sizes, parameters, what the outputs mean. */
	public abstract String architecture();

	/** The bias added after the contributions: their sum plus this is the logit. */
	protected abstract Operand<TFloat32> outputBias();

	/** One optimiser step on a mini-batch; the batch's loss before the step. */
	public float train(List<X> batch, float[] hits) {
		Session.Runner compute = session.runner();
		List<Tensor> computed = new ArrayList<>();
		try (Tensor x = inputTensor(batch);
				TFloat32 y = TFloat32.tensorOf(Shape.of(hits.length, 1), DataBuffers.of(hits, true, false))) {
			compute.feed(input(), x).feed(labels, y).fetch(loss);
			gradients.forEach(compute::fetch);
			float value;
			try (Result result = compute.run()) {
				value = ((TFloat32) result.get(0)).getFloat();
				Session.Runner apply = session.runner().addTarget(trainStep);
				for (int i = 0; i < gradients.size(); i++) {
					// A copy: a fetched tensor may share memory with the graph's buffers.
					TFloat32 fetched = (TFloat32) result.get(i + 1);
					float[] copy = values(fetched, (int) fetched.shape().size());
					TFloat32 gradient = TFloat32.tensorOf(fetched.shape(), DataBuffers.of(copy, true, false));
					computed.add(gradient);
					apply.feed(gradientValues.get(i), gradient);
				}
				apply.run();
			}
			return value;
		}
		finally {
			computed.forEach(Tensor::close);
		}
	}

	/** The signature's outputs for a batch. */
	public Predictions predict(List<X> batch) {
		try (Tensor x = inputTensor(batch);
				Result result = session.runner().feed(input(), x).fetch(logit).fetch(probability).fetch(contributions)
					.run()) {
			int n = batch.size();
			float[] logits = values((TFloat32) result.get(0), n);
			float[] probabilities = values((TFloat32) result.get(1), n);
			TFloat32 map = (TFloat32) result.get(2);
			int positions = (int) map.shape().size(1);
			float[] flat = values(map, n * positions);
			float[][] contributions = new float[n][positions];
			for (int i = 0; i < n; i++) {
				System.arraycopy(flat, i * positions, contributions[i], 0, positions);
			}
			return new Predictions(logits, probabilities, contributions);
		}
	}

	public float outputBiasValue() {
		try (Result result = session.runner().fetch(outputBias()).run()) {
			return values((TFloat32) result.get(0), 1)[0];
		}
	}

	/** Keeps the current weights in memory (the best epoch so far, for early stopping). */
	public void remember() {
		Session.Runner runner = session.runner();
		weights.forEach(weight -> runner.fetch(weight.variable()));
		try (Result result = runner.run()) {
			remembered = new float[weights.size()][];
			for (int i = 0; i < weights.size(); i++) {
				remembered[i] = values((TFloat32) result.get(i), (int) weights.get(i).shape().size());
			}
		}
	}

	/** Puts back the weights of the last {@link #remember()}. */
	public void restoreRemembered() {
		if (remembered == null) {
			return;
		}
		List<TFloat32> tensors = new ArrayList<>();
		try {
			Session.Runner runner = session.runner();
			for (int i = 0; i < weights.size(); i++) {
				Weight weight = weights.get(i);
				TFloat32 value = TFloat32.tensorOf(weight.shape(), DataBuffers.of(remembered[i], true, false));
				tensors.add(value);
				runner.feed(weight.value(), value).addTarget(weight.restore());
			}
			runner.run();
		}
		finally {
			tensors.forEach(Tensor::close);
		}
	}

	/**
	 * Sets every weight to zero, so that the logit is 0 (probability 0.5) and every contribution 0 for any input:
	 * the stand-in for a model that had no data to learn from.
	 */
	public void silence() {
		remembered = new float[weights.size()][];
		for (int i = 0; i < weights.size(); i++) {
			remembered[i] = new float[(int) weights.get(i).shape().size()];
		}
		restoreRemembered();
	}

	public long parameterCount() {
		return weights.stream().mapToLong(weight -> weight.shape().size()).sum();
	}

	/** Writes the SavedModel (tag {@code serve}, signature {@code serving_default}) into an empty folder. */
	public void export(Path folder) throws IOException {
		Signature signature = Signature.builder()
			.key(Signatures.KEY)
			.input(inputName(), input())
			.output(Signatures.LOGIT, logit)
			.output(Signatures.PROBABILITY, probability)
			.output(contributionsName(), contributions)
			.build();
		SavedModelBundle.exporter(folder.toString()).withSession(session).withSignature(signature).export();
	}

	protected static float[] values(TFloat32 tensor, int count) {
		float[] out = new float[count];
		tensor.read(DataBuffers.of(out, false, false));
		return out;
	}

	@Override
	public void close() {
		if (session != null) {
			session.close();
		}
		graph.close();
	}
}
