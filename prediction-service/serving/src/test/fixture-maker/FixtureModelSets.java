import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import dev.hitter.models.BinaryMetrics;
import dev.hitter.models.Combination;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelFiles;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.PlattCalibration;

/**
 * Writes tiny model sets with the exact serving signature of dev.hitter.models.Signatures, random fixed weights
 * (no training), for the serving tests. Usage: java FixtureModelSets <output root>
 *
 * Audio: mel [B,1876,48] -> conv (8 frames x 48 bands -> 4 channels, stride 4, VALID, 468 positions) -> relu ->
 * per-position score h.w -> time_contributions = score / 468; logit = sum(time_contributions) + bias.
 * Lyrics: tokens [B,512] -> embedding [V,8] -> per-token score e.w, masked (0 at padding) and divided by the
 * number of tokens -> token_contributions; logit = sum(token_contributions) + bias.
 * So in both models: sum(contributions) + bias = logit exactly, prob = sigmoid(logit).
 */
public class FixtureModelSets {

	static final int FRAMES = 1876, BANDS = 48, WIDTH = 8, STRIDE = 4, CHANNELS = 4;
	static final int MAX_LENGTH = 512, EMBEDDING = 8;
	static final List<String> WORDS = List.of("love", "babi", "heart", "girl", "danc", "tonight", "night", "oh",
			"yeah", "you", "me", "never", "tear", "cri", "summer", "sky", "dream", "forev", "나", "너", "사랑",
			"마음", "그대", "원하", "눈물", "밤", "우리", "오늘", "기억", "하늘");

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args[0]);
		write(root.resolve("all"), Genre.POP, "v20261120-000000", 11, 0.10f, -0.05f);
		write(root.resolve("all"), Genre.BALLAD, "v20261120-000000", 21, -0.10f, 0.05f);
		write(root.resolve("all"), Genre.DANCE, "v20261120-000000", 31, 0.20f, 0.00f);
		write(root.resolve("newer"), Genre.POP, "v20261127-000000", 12, -0.30f, 0.30f);
	}

	static void write(Path root, Genre genre, String version, long seed, float audioBias, float lyricsBias)
			throws Exception {
		ModelSetLayout layout = new ModelSetLayout(root);
		Path dir = layout.version(genre, version);
		Files.createDirectories(dir);
		List<String> vocabulary = new ArrayList<>(List.of("<pad>", "<unk>"));
		vocabulary.addAll(WORDS);
		StringBuilder text = new StringBuilder();
		vocabulary.forEach(token -> text.append(token).append('\n'));
		byte[] vocabularyBytes = text.toString().getBytes(StandardCharsets.UTF_8);
		Files.write(layout.vocabulary(dir), vocabularyBytes);
		String sha = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(vocabularyBytes));

		Random random = new Random(seed);
		exportAudio(layout.model(dir, ModelKind.AUDIO), random, audioBias);
		exportLyrics(layout.model(dir, ModelKind.LYRICS), random, vocabulary.size(), lyricsBias);

		ModelFiles.write(layout.card(dir, ModelKind.AUDIO), card(genre, version, ModelKind.AUDIO,
				new ModelCard.FeatureSpec("melon-v1", Map.of("sampleRate", 16000, "frameLength", 512, "hopLength", 256,
						"bands", 48, "frames", FRAMES), null, null),
				"fixture: conv 8x48->4 (stride 4, 468 positions), relu, CAM dense 4->1; random weights, seed " + seed,
				new PlattCalibration(0.8, -0.1)));
		ModelFiles.write(layout.card(dir, ModelKind.LYRICS), card(genre, version, ModelKind.LYRICS,
				new ModelCard.FeatureSpec("lyrics-v1", Map.of("maxLength", MAX_LENGTH), ModelSetLayout.VOCABULARY, sha),
				"fixture: embedding " + vocabulary.size() + "x8, per-token dense 8->1, masked mean; random weights, seed "
						+ seed,
				new PlattCalibration(1.2, 0.2)));
		ModelFiles.write(layout.combination(dir), new Combination("fixture (not fitted)", 0.6, 0.4, -0.2));
	}

	static ModelCard card(Genre genre, String version, ModelKind kind, ModelCard.FeatureSpec featureSpec,
			String architecture, PlattCalibration calibration) {
		BinaryMetrics none = BinaryMetrics.of(new double[] { 0.2, 0.8 }, new boolean[] { false, true });
		return new ModelCard(genre.name().toLowerCase() + "-" + kind.folder() + "-" + version, version, genre, kind,
				"TensorFlow SavedModel (TF 2.10.1)", architecture, featureSpec,
				new ModelCard.TrainingData("synthetic-demo", "test fixture: random weights, never trained", 2, 1,
						"none", new ModelCard.Split(0, 1, 1, "none"), 0),
				none, none, calibration, Instant.parse("2026-11-27T00:00:00Z"), 0, 0, true,
				ModelCard.DEMONSTRATION_NOTICE, "serving tests only");
	}

	static Operand<TFloat32> randoms(Ops tf, Random random, double scale, long... shape) {
		int n = 1;
		for (long d : shape) {
			n *= (int) d;
		}
		float[] values = new float[n];
		for (int i = 0; i < n; i++) {
			values[i] = (float) (random.nextGaussian() * scale);
		}
		return tf.variable(tf.constant(Shape.of(shape), DataBuffers.of(values)));
	}

	static void exportAudio(Path dir, Random random, float bias) throws IOException {
		try (Graph graph = new Graph(); Session session = new Session(graph)) {
			Ops tf = Ops.create(graph);
			Placeholder<TFloat32> mel = tf.withName("mel").placeholder(TFloat32.class,
					Placeholder.shape(Shape.of(-1, FRAMES, BANDS)));
			Operand<TFloat32> filter = randoms(tf, random, 0.05, WIDTH, 1, BANDS, CHANNELS);
			Operand<TFloat32> convBias = randoms(tf, random, 0.1, CHANNELS);
			Operand<TFloat32> weights = randoms(tf, random, 1.0, CHANNELS);
			Operand<TFloat32> outBias = tf.variable(tf.constant(Shape.of(), DataBuffers.of(bias)));
			Operand<TFloat32> image = tf.expandDims(mel, tf.constant(2)); // [B,T,1,48]
			Operand<TFloat32> conv = tf.nn.conv2d(image, filter, List.of(1L, (long) STRIDE, 1L, 1L), "VALID");
			Operand<TFloat32> hidden = tf.squeeze(tf.nn.relu(tf.math.add(conv, convBias)),
					Squeeze.axis(List.of(2L))); // [B,P,4]
			int positions = (FRAMES - WIDTH) / STRIDE + 1;
			Operand<TFloat32> score = tf.sum(tf.math.mul(hidden, weights), tf.constant(2)); // [B,P]
			Operand<TFloat32> contributions = tf.withName("time_contributions")
				.math.div(score, tf.constant((float) positions));
			Operand<TFloat32> logit = tf.withName("logit")
				.math.add(tf.sum(contributions, tf.constant(1), Sum.keepDims(true)), outBias);
			Operand<TFloat32> prob = tf.withName("prob").math.sigmoid(logit);
			session.initialize();
			SavedModelBundle.exporter(dir.toString())
				.withSession(session)
				.withSignature(Signature.builder()
					.key("serving_default")
					.input("mel", mel)
					.output("logit", logit)
					.output("prob", prob)
					.output("time_contributions", contributions)
					.build())
				.export();
		}
	}

	static void exportLyrics(Path dir, Random random, int vocabularySize, float bias) throws IOException {
		try (Graph graph = new Graph(); Session session = new Session(graph)) {
			Ops tf = Ops.create(graph);
			Placeholder<TInt32> tokens = tf.withName("tokens").placeholder(TInt32.class,
					Placeholder.shape(Shape.of(-1, MAX_LENGTH)));
			Operand<TFloat32> table = randoms(tf, random, 1.0, vocabularySize, EMBEDDING);
			Operand<TFloat32> weights = randoms(tf, random, 1.0, EMBEDDING);
			Operand<TFloat32> outBias = tf.variable(tf.constant(Shape.of(), DataBuffers.of(bias)));
			Operand<TFloat32> embedded = tf.gather(table, tokens, tf.constant(0)); // [B,L,8]
			Operand<TFloat32> score = tf.sum(tf.math.mul(embedded, weights), tf.constant(2)); // [B,L]
			Operand<TFloat32> mask = tf.dtypes.cast(tf.math.notEqual(tokens, tf.constant(0)), TFloat32.class);
			Operand<TFloat32> count = tf.math.maximum(tf.sum(mask, tf.constant(1), Sum.keepDims(true)),
					tf.constant(1f)); // [B,1]
			Operand<TFloat32> contributions = tf.withName("token_contributions")
				.math.div(tf.math.mul(score, mask), count);
			Operand<TFloat32> logit = tf.withName("logit")
				.math.add(tf.sum(contributions, tf.constant(1), Sum.keepDims(true)), outBias);
			Operand<TFloat32> prob = tf.withName("prob").math.sigmoid(logit);
			session.initialize();
			SavedModelBundle.exporter(dir.toString())
				.withSession(session)
				.withSignature(Signature.builder()
					.key("serving_default")
					.input("tokens", tokens)
					.output("logit", logit)
					.output("prob", prob)
					.output("token_contributions", contributions)
					.build())
				.export();
		}
	}
}
