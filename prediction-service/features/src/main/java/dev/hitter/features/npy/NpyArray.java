package dev.hitter.features.npy;

import java.util.Arrays;

/**
 * A NumPy array read from or written to an {@code .npy} file: its shape and its values as float32 in C
 * order, whatever the file's dtype was. The dtype is kept so that tools can say what they read.
 */
public record NpyArray(int[] shape, String dtype, float[] values) {

	public NpyArray {
		shape = shape.clone();
		long cells = 1;
		for (int dim : shape) {
			if (dim < 0) {
				throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
			}
			cells *= dim;
		}
		if (cells != values.length) {
			throw new IllegalArgumentException(
					"shape " + Arrays.toString(shape) + " holds " + cells + " cells, values " + values.length);
		}
	}

	/** A float32 array of the given shape. */
	public static NpyArray ofFloats(float[] values, int... shape) {
		return new NpyArray(shape, "<f4", values);
	}

	@Override
	public int[] shape() {
		return shape.clone();
	}

	public int rank() {
		return shape.length;
	}

	public int dim(int axis) {
		return shape[axis];
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof NpyArray that && Arrays.equals(shape, that.shape) && dtype.equals(that.dtype)
				&& Arrays.equals(values, that.values);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Arrays.hashCode(shape) + dtype.hashCode()) + Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
	}
}
