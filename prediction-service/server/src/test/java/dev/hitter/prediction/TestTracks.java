package dev.hitter.prediction;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Audio the tests make themselves. */
public final class TestTracks {

	private TestTracks() {
	}

	/** A 16-bit PCM WAV of a few tones that change every second, header written by hand. */
	public static byte[] wav(double seconds, int rate, int channels) {
		int frames = (int) (seconds * rate);
		ByteBuffer wav = ByteBuffer.allocate(44 + frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * channels * 2);
		wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels);
		wav.putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * channels * 2);
		double[] notes = { 261.63, 329.63, 392.0, 523.25, 440.0 };
		for (int i = 0; i < frames; i++) {
			double hz = notes[(i / rate) % notes.length];
			short sample = (short) (9_000 * Math.sin(2 * Math.PI * hz * i / rate)
					+ 3_000 * Math.sin(2 * Math.PI * 2 * hz * i / rate));
			for (int c = 0; c < channels; c++) {
				wav.putShort(sample);
			}
		}
		return wav.array();
	}
}
