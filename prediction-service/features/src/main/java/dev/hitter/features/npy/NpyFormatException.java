package dev.hitter.features.npy;

import java.io.IOException;

/** An {@code .npy} file that is not one, or not one this reader accepts; the message says which. */
public class NpyFormatException extends IOException {

	public NpyFormatException(String message) {
		super(message);
	}
}
