package dev.hitter.trainer.calibration;

import dev.hitter.models.Combination;
import dev.hitter.models.PlattCalibration;
import dev.hitter.models.Sigmoid;

/**
 * Logistic regressions fitted by Newton–Raphson (iteratively reweighted least squares): Platt scaling of one
 * model's logits, and the combination of a genre's two calibrated logits.
 *
 * <p>Targets follow Platt (1999): a hit counts as {@code (N₊+1)/(N₊+2)} and a non-hit as {@code 1/(N₋+2)} rather
 * than 1 and 0. A validation split that the model separates perfectly (common on demonstration data) would
 * otherwise drive the slope to infinity; with these targets the optimum is finite, and on large splits they are
 * practically 1 and 0. A tiny ridge (1e-6) on the weights, not the intercept, keeps the Hessian invertible when a
 * feature is constant.
 */
public final class LogisticFit {

	private static final double RIDGE = 1e-6;

	private static final double MAX_STEP = 5;

	private LogisticFit() {
	}

	/** Platt scaling: {@code p = sigmoid(a·logit + b)}. */
	public static PlattCalibration platt(double[] logits, boolean[] hits) {
		double[] w = fit(new double[][] { logits }, hits);
		return new PlattCalibration(w[0], w[1]);
	}

	/** {@code p = sigmoid(wa·audio + wl·lyrics + b)} on calibrated logits. */
	public static Combination combination(double[] audioLogits, double[] lyricsLogits, boolean[] hits) {
		double[] w = fit(new double[][] { audioLogits, lyricsLogits }, hits);
		return new Combination("logistic regression on the validation split's calibrated logits (Newton–Raphson, "
				+ "Platt targets)", w[0], w[1], w[2]);
	}

	/**
	 * Weights for each feature row, then the intercept.
	 *
	 * @param features {@code features[j][i]}: feature j of example i
	 */
	static double[] fit(double[][] features, boolean[] hits) {
		int n = hits.length;
		int k = features.length + 1;
		int positives = 0;
		for (boolean hit : hits) {
			positives += hit ? 1 : 0;
		}
		double high = (positives + 1.0) / (positives + 2.0);
		double low = 1.0 / (n - positives + 2.0);
		double[] w = new double[k];
		double[] x = new double[k];
		for (int iteration = 0; iteration < 200; iteration++) {
			double[] gradient = new double[k];
			double[][] hessian = new double[k][k];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < k - 1; j++) {
					x[j] = features[j][i];
				}
				x[k - 1] = 1;
				double z = 0;
				for (int j = 0; j < k; j++) {
					z += w[j] * x[j];
				}
				double p = Sigmoid.of(z);
				double residual = p - (hits[i] ? high : low);
				double weight = Math.max(p * (1 - p), 1e-12);
				for (int a = 0; a < k; a++) {
					gradient[a] += residual * x[a];
					for (int b = 0; b < k; b++) {
						hessian[a][b] += weight * x[a] * x[b];
					}
				}
			}
			for (int j = 0; j < k - 1; j++) {
				gradient[j] += RIDGE * w[j];
				hessian[j][j] += RIDGE;
			}
			double[] step = solve(hessian, gradient);
			double size = 0;
			for (int j = 0; j < k; j++) {
				size = Math.max(size, Math.abs(step[j]));
			}
			// A full Newton step from far away can overshoot on near-separable splits; cap it, keep its direction.
			double damping = size > MAX_STEP ? MAX_STEP / size : 1;
			for (int j = 0; j < k; j++) {
				w[j] -= damping * step[j];
			}
			if (size < 1e-10) {
				break;
			}
		}
		return w;
	}

	/** Gaussian elimination with partial pivoting; k is 2 or 3 here. */
	private static double[] solve(double[][] matrix, double[] vector) {
		int k = vector.length;
		double[][] a = new double[k][k + 1];
		for (int i = 0; i < k; i++) {
			System.arraycopy(matrix[i], 0, a[i], 0, k);
			a[i][k] = vector[i];
		}
		for (int col = 0; col < k; col++) {
			int pivot = col;
			for (int row = col + 1; row < k; row++) {
				if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
					pivot = row;
				}
			}
			double[] swap = a[col];
			a[col] = a[pivot];
			a[pivot] = swap;
			for (int row = col + 1; row < k; row++) {
				double factor = a[row][col] / a[col][col];
				for (int c = col; c <= k; c++) {
					a[row][c] -= factor * a[col][c];
				}
			}
		}
		double[] solution = new double[k];
		for (int row = k - 1; row >= 0; row--) {
			double sum = a[row][k];
			for (int c = row + 1; c < k; c++) {
				sum -= a[row][c] * solution[c];
			}
			solution[row] = sum / a[row][row];
		}
		return solution;
	}
}
