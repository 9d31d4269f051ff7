package dev.hitter.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

import dev.hitter.models.ModelCard;
import dev.hitter.models.Signatures;

/**
 * One exported SavedModel (a genre's audio or lyrics CNN) loaded in DJL's TensorFlow engine, with its card and a
 * pool of predictors. Runs the serving signature and hands back its three outputs as plain arrays.
 */
final class HitModel {

	/** The serving signature's outputs for a batch: {@code logit[i]}, {@code probability[i]}, {@code contributions[i][p]}. */
	record Outputs(float[] logit, float[] probability, float[][] contributions) {
	}

	private final ModelCard card;

	private final ModelReference reference;

	private final ZooModel<NDList, NDList> model;

	private final PredictorPool pool;

	private final String contributionsOutput;

	private HitModel(ModelCard card, ModelReference reference, ZooModel<NDList, NDList> model, PredictorPool pool,
			String contributionsOutput) {
		this.card = card;
		this.reference = reference;
		this.model = model;
		this.pool = pool;
		this.contributionsOutput = contributionsOutput;
	}

	/** Loads the SavedModel in {@code dir} (tag {@code serve}, signature {@code serving_default}). */
	static HitModel load(Path dir, ModelCard card, String version, String contributionsOutput, int poolSize,
			Duration borrowTimeout) throws IOException {
		Criteria<NDList, NDList> criteria = Criteria.builder()
			.setTypes(NDList.class, NDList.class)
			.optModelPath(dir)
			.optEngine("TensorFlow")
			.optOption("Tags", Signatures.TAG)
			.optOption("SignatureDefKey", Signatures.KEY)
			.optTranslator(new NoopTranslator())
			.build();
		ZooModel<NDList, NDList> model;
		try {
			model = criteria.loadModel();
		}
		catch (ModelNotFoundException | MalformedModelException ex) {
			throw new IOException("cannot load the SavedModel in " + dir + ": " + ex.getMessage(), ex);
		}
		List<Predictor<NDList, NDList>> predictors = new ArrayList<>(poolSize);
		for (int i = 0; i < poolSize; i++) {
			predictors.add(model.newPredictor());
		}
		ModelReference reference = ModelReference.of(card, version);
		PredictorPool pool = new PredictorPool(reference.modelId(), predictors, borrowTimeout, model::close);
		return new HitModel(card, reference, model, pool, contributionsOutput);
	}

	ModelCard card() {
		return card;
	}

	ModelReference reference() {
		return reference;
	}

	int poolSize() {
		return pool.size();
	}

	/** Runs the model on the input {@code input} makes (named as the signature's input) and copies out the outputs. */
	Outputs run(Function<NDManager, NDArray> input) {
		try {
			return pool.call(predictor -> {
				try (NDManager manager = model.getNDManager().newSubManager()) {
					NDList outputs = predictor.predict(new NDList(input.apply(manager)));
					float[] logit = output(outputs, Signatures.LOGIT).toFloatArray();
					float[] probability = output(outputs, Signatures.PROBABILITY).toFloatArray();
					NDArray contributions = output(outputs, contributionsOutput);
					int batch = logit.length;
					int positions = (int) (contributions.size() / Math.max(batch, 1));
					float[] flat = contributions.toFloatArray();
					float[][] rows = new float[batch][];
					for (int i = 0; i < batch; i++) {
						rows[i] = Arrays.copyOfRange(flat, i * positions, (i + 1) * positions);
					}
					return new Outputs(logit, probability, rows);
				}
			});
		}
		catch (TranslateException ex) {
			throw new IllegalStateException(reference.modelId() + " failed to run: " + ex.getMessage(), ex);
		}
	}

	/** Stops lending predictors; the model is closed when the calls in flight are done. */
	void retire() {
		pool.retire();
	}

	boolean isClosed() {
		return pool.isClosed();
	}

	private NDArray output(NDList outputs, String name) {
		NDArray array = outputs.get(name);
		if (array == null) {
			List<String> names = outputs.stream().map(NDArray::getName).toList();
			throw new IllegalStateException(reference.modelId() + " has no output '" + name + "' (it has " + names
					+ "): not the serving signature of dev.hitter.models.Signatures");
		}
		return array;
	}
}
