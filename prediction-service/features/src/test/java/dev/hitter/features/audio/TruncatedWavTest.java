package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hitter.features.audio.AudioRejectedException.Reason;
import dev.hitter.features.audio.Clips.Format;

/**
 * WAV and AIFF state the length of their sample data, but FFmpeg sizes them by the file: a cut file read as a
 * shorter, complete track and was scored as if whole. It is refused as truncated, as a cut MP3, FLAC or M4A is.
 */
class TruncatedWavTest {

	@TempDir
	static Path clips;

	@TempDir
	Path dir;

	private final AudioDecoder decoder = new AudioDecoder();

	@BeforeAll
	static void makeFortySecondClips() {
		for (Format format : new Format[] { Format.WAV, Format.AIFF }) {
			Clips.write(clips.resolve("forty." + format.extension), format, 22_050, 2, 40, Clips.sections(1.0));
		}
	}

	@ParameterizedTest(name = "{0} cut at {1}")
	@CsvSource({ "wav, 0.6", "wav, 0.95", "aiff, 0.6", "aiff, 0.95" })
	void refusesACutFileAsTruncated(String extension, double keep) throws IOException {
		byte[] whole = Files.readAllBytes(clips.resolve("forty." + extension));
		Path cut = Files.write(dir.resolve("cut." + extension), Arrays.copyOf(whole, (int) (whole.length * keep)));

		assertThatThrownBy(() -> decoder.decode(cut, SegmentRule.melon()))
			.isInstanceOfSatisfying(AudioRejectedException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.TRUNCATED);
				assertThat(ex.getMessage()).contains("40.0 s").doesNotContain(dir.toString());
			});
		assertThatThrownBy(() -> decoder.decodeAll(cut)).isInstanceOfSatisfying(AudioRejectedException.class,
				ex -> assertThat(ex.reason()).isEqualTo(Reason.TRUNCATED));
	}

	@Test
	void aWholeFileIsScoredAsBefore() {
		for (String extension : new String[] { "wav", "aiff" }) {
			DecodedAudio audio = decoder.decode(clips.resolve("forty." + extension), SegmentRule.melon());
			assertThat(audio.sourceDurationSeconds()).isBetween(39.9, 40.1);
			assertThat(audio.samples()).hasSize(480_000);
		}
	}

	@Test
	void aWavWhoseHeaderLeavesTheLengthOpenIsMeasuredByItsData() throws IOException {
		// Streaming writers (a pipe, a recorder that was killed) put 0xFFFFFFFF or 0 where the size goes.
		for (int placeholder : new int[] { 0xFFFF_FFFF, 0 }) {
			byte[] wav = Files.readAllBytes(clips.resolve("forty.wav"));
			int data = dataChunk(wav);
			ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(data + 4, placeholder);
			Path open = Files.write(dir.resolve("open.wav"), Arrays.copyOf(wav, (int) (wav.length * 0.6)));

			assertThat(decoder.decode(open, SegmentRule.melon()).sourceDurationSeconds()).isBetween(23.0, 24.5);
		}
	}

	@ParameterizedTest(name = "data chunk claiming {0} bytes")
	@CsvSource({ "200000000", "4294967294", "2147483632" })
	void aWavClaimingFarMoreThanItHoldsIsTruncatedNotAPlaceholder(long claimed) throws IOException {
		// Only 0 and 0xFFFFFFFF mean "length open"; any other stated length is a statement, however large (here
		// 200 MB, 0xFFFFFFFE, 0x7FFFFFF0 over 40 s of data): scoring the 40 s as the whole song would be a guess.
		byte[] wav = Files.readAllBytes(clips.resolve("forty.wav"));
		ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(dataChunk(wav) + 4, (int) claimed);
		Path overClaiming = Files.write(dir.resolve("over.wav"), wav);

		assertThatThrownBy(() -> decoder.decode(overClaiming, SegmentRule.melon()))
			.isInstanceOfSatisfying(AudioRejectedException.class,
					ex -> assertThat(ex.reason()).isEqualTo(Reason.TRUNCATED));
		assertThatThrownBy(() -> decoder.decodeAll(overClaiming)).isInstanceOfSatisfying(
				AudioRejectedException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.TRUNCATED));
	}

	@Test
	void aFewMissingSamplesAreNoTruncation() throws IOException {
		// A writer that stopped a few frames short of its header: 0.1 s of 40 is within the tolerance.
		byte[] whole = Files.readAllBytes(clips.resolve("forty.wav"));
		Path nearly = Files.write(dir.resolve("nearly.wav"), Arrays.copyOf(whole, whole.length - 2205 * 4));

		assertThat(decoder.decode(nearly, SegmentRule.melon()).samples()).hasSize(480_000);
	}

	private static int dataChunk(byte[] wav) {
		ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		int pos = 12;
		while (!new String(wav, pos, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("data")) {
			pos += 8 + b.getInt(pos + 4);
		}
		return pos;
	}
}
