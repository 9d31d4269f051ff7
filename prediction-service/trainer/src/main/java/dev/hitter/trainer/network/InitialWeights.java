package dev.hitter.trainer.network;

import java.util.SplittableRandom;

/**
 * Starting weights drawn in Java from one seed, not by TensorFlow's random ops: the same seed gives the same
 * network on every machine and every run.
 */
final class InitialWeights {

	private final SplittableRandom random;

	InitialWeights(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** Glorot uniform: keeps activations at a steady scale through ReLU stacks of any width. */
	float[] glorot(int count, int fanIn, int fanOut) {
		double limit = Math.sqrt(6.0 / (fanIn + fanOut));
		float[] values = new float[count];
		for (int i = 0; i < count; i++) {
			values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
		}
		return values;
	}

	/** Small normal values for embeddings, so that early dot products stay near zero. */
	float[] normal(int count, double deviation) {
		float[] values = new float[count];
		for (int i = 0; i < count; i++) {
			values[i] = (float) (gaussian() * deviation);
		}
		return values;
	}

	private double gaussian() {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}
