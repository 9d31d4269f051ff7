package dev.hitter.gateway.system;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * PCM WAV files written byte by byte, so that each header field can be set to what a hostile client would claim:
 * a data length past the end of the file, absurd channel counts and sample rates, a file cut short.
 */
final class WavMaker {

	static final int RATE = 16_000;

	private WavMaker() {
	}

	/** A well-formed 16-bit mono WAV at 16 kHz: a chord over a click, {@code seconds} long. */
	static byte[] chords(int seconds) {
		byte[] pcm = pcm(seconds);
		return withHeader(pcm, new Header(1, RATE, 16, pcm.length));
	}

	/** The same samples under a header that claims what {@code header} says. */
	static byte[] withHeader(byte[] pcm, Header header) {
		ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
		int blockAlign = header.channels() * Math.max(1, header.bitsPerSample() / 8);
		wav.put(ascii("RIFF")).putInt((int) Math.min(0xFFFF_FFFFL, 36L + header.declaredDataBytes())).put(ascii("WAVE"));
		wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) header.channels());
		wav.putInt(header.sampleRate()).putInt(header.sampleRate() * blockAlign).putShort((short) blockAlign);
		wav.putShort((short) header.bitsPerSample());
		wav.put(ascii("data")).putInt((int) header.declaredDataBytes()).put(pcm);
		return wav.array();
	}

	/** The first {@code fraction} of a file, as a transfer cut short would leave it. */
	static byte[] cut(byte[] file, double fraction) {
		return Arrays.copyOf(file, (int) (file.length * fraction));
	}

	/** 16-bit mono samples at {@link #RATE}. */
	static byte[] pcm(int seconds) {
		ByteBuffer samples = ByteBuffer.allocate(seconds * RATE * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < seconds * RATE; i++) {
			double t = (double) i / RATE;
			double root = new double[] { 220, 174.6, 261.6, 196 }[(int) (t / 4) % 4];
			double chord = Math.sin(2 * Math.PI * root * t) + 0.6 * Math.sin(2 * Math.PI * root * 1.26 * t);
			double beat = (t * 2 % 1) < 0.03 ? Math.sin(2 * Math.PI * 60 * t) : 0;
			samples.putShort((short) (8_000 * (0.5 * chord + beat)));
		}
		return samples.array();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	/** What a WAV header claims: the {@code fmt } fields and the {@code data} chunk's length (unsigned 32 bits). */
	record Header(int channels, int sampleRate, int bitsPerSample, long declaredDataBytes) {
	}
}
