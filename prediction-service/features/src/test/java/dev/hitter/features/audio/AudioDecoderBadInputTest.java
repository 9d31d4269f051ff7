package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hitter.features.audio.AudioRejectedException.Reason;
import dev.hitter.features.audio.Clips.Format;

/** Every kind of bad upload ends in an {@link AudioRejectedException} with the right reason and no path in it. */
class AudioDecoderBadInputTest {

	@TempDir
	static Path clips;

	@TempDir
	Path dir;

	private final AudioDecoder decoder = new AudioDecoder();

	@BeforeAll
	static void makeTwelveSecondClips() {
		for (Format format : new Format[] { Format.MP3, Format.FLAC, Format.M4A_AAC, Format.OGG_VORBIS, Format.WAV }) {
			Clips.write(clips.resolve("twelve." + format.extension), format, 22_050, 1, 12, Clips.sine(440, 0.5));
		}
	}

	@Test
	void rejectsEmptyFile() throws IOException {
		Path empty = Files.createFile(dir.resolve("empty.wav"));

		assertRejected(empty, Reason.EMPTY);
	}

	@Test
	void rejectsTextFileNamedMp3() throws IOException {
		Path text = Files.writeString(dir.resolve("song.mp3"), "Verse 1\nI wrote this song for you\n".repeat(200));

		assertRejected(text, Reason.NOT_AUDIO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "noise.mp3", "noise.wav", "noise.m4a", "noise.bin", "noise.ogg", "noise.flac" })
	void rejectsRandomBytesWhateverTheirName(String name) throws IOException {
		byte[] bytes = new byte[200_000];
		new Random(name.hashCode()).nextBytes(bytes);
		Path noise = Files.write(dir.resolve(name), bytes);

		assertRejected(noise, Reason.NOT_AUDIO);
	}

	@Test
	void rejectsAnImageAsUnsupported() throws IOException {
		Path png = dir.resolve("cover.png");
		ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png.toFile());

		assertRejected(png, Reason.UNSUPPORTED_FORMAT);
	}

	@ParameterizedTest(name = "{0} cut at {1}")
	@CsvSource({ "mp3, 0.3", "mp3, 0.6", "mp3, 0.9", "flac, 0.3", "flac, 0.6", "flac, 0.9", "m4a, 0.05", "m4a, 0.3",
			"m4a, 0.6", "m4a, 0.9" })
	void rejectsTruncatedFileWhoseContainerStatesItsLength(String extension, double keep) throws IOException {
		byte[] whole = Files.readAllBytes(clips.resolve("twelve." + extension));
		Path cut = Files.write(dir.resolve("cut." + extension), Arrays.copyOf(whole, (int) (whole.length * keep)));

		assertRejected(cut, Reason.TRUNCATED);
		assertThatThrownBy(() -> decoder.decodeAll(cut)).isInstanceOfSatisfying(AudioRejectedException.class,
				ex -> assertThat(ex.reason()).isEqualTo(Reason.TRUNCATED));
	}

	@Test
	void truncatedOggIsJustAShorterTrack() throws IOException {
		// Ogg states no length (FFmpeg reads it from the last page), so a cut Ogg cannot be told from a short one.
		byte[] whole = Files.readAllBytes(clips.resolve("twelve.ogg"));
		Path cut = Files.write(dir.resolve("cut.ogg"), Arrays.copyOf(whole, whole.length / 2));

		assertRejected(cut, Reason.TOO_SHORT);
		assertThat(decoder.decodeAll(cut).length).isBetween(4 * 16_000, 8 * 16_000);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 4, 8, 12, 30, 100 })
	void rejectsFileCutInsideItsHeader(int keep) throws IOException {
		for (String extension : new String[] { "mp3", "flac", "m4a", "ogg", "wav" }) {
			byte[] whole = Files.readAllBytes(clips.resolve("twelve." + extension));
			Path cut = Files.write(dir.resolve("head." + extension), Arrays.copyOf(whole, keep));

			assertThatThrownBy(() -> decoder.decode(cut, SegmentRule.melon()))
					.as("%s cut to %d bytes", extension, keep).isInstanceOf(AudioRejectedException.class);
		}
	}

	@Test
	void rejectsWavClaimingTenMegahertz() throws IOException {
		Path wav = Files.write(dir.resolve("rate.wav"), wavHeader(10_000_000, 2, 16, 64_000, 64_000));

		assertRejected(wav, Reason.ABSURD_PARAMETERS).hasMessageContaining("10000000 Hz");
	}

	@Test
	void rejectsWavClaimingSixtyThousandChannels() throws IOException {
		Path wav = Files.write(dir.resolve("channels.wav"), wavHeader(44_100, 60_000, 16, 240_000, 240_000));

		assertRejected(wav, Reason.ABSURD_PARAMETERS).hasMessageContaining("60000 channels");
	}

	@Test
	void wavWhoseHeaderClaimsHoursIsRefusedAsTruncated() throws IOException {
		// 0x7FFFFFF0 bytes of 8 kHz mono = 37 hours claimed. Only 0 and 0xFFFFFFFF leave the length open; this is a
		// statement the data falls short of, refused as a cut file is (and as the FLAC twin below is refused).
		Path shortOne = Files.write(dir.resolve("claims-hours.wav"), wavHeader(8_000, 1, 16, 0x7FFF_FFF0, 32_000));
		assertRejected(shortOne, Reason.TRUNCATED).hasMessageContaining("2.0 s");

		Path twelveSeconds = Files.write(dir.resolve("claims-hours-12s.wav"),
				wavHeader(8_000, 1, 16, 0x7FFF_FFF0, 12 * 16_000));
		assertRejected(twelveSeconds, Reason.TRUNCATED).hasMessageContaining("12.0 s");
	}

	@Test
	void wavDeclaring100MegabytesOverTwentySecondsIsRefusedAsTruncated() throws IOException {
		// The hostile campaign's case: 16 kHz mono 16-bit, 100 MB (52 minutes) stated, 20 s present.
		Path overClaiming = Files.write(dir.resolve("claims-100mb.wav"),
				wavHeader(16_000, 1, 16, 100_000_000, 20 * 32_000));

		assertRejected(overClaiming, Reason.TRUNCATED).hasMessageContaining("20.0 s");
	}

	@Test
	void rejectsFlacWhoseStreamInfoClaimsHours() throws IOException {
		byte[] flac = Files.readAllBytes(clips.resolve("twelve.flac"));
		// STREAMINFO's 36-bit total-samples field (low nibble of byte 21 and bytes 22-25) set to its maximum.
		flac[21] |= 0x0F;
		Arrays.fill(flac, 22, 26, (byte) 0xFF);
		Path lying = Files.write(dir.resolve("hours.flac"), flac);

		assertRejected(lying, Reason.TOO_LONG);
	}

	@Test
	void rejectsTrackLongerThanTheLimit() {
		AudioDecoder strict = new AudioDecoder(new DecodeLimits(1_000_000_000, 11, 384_000, 32, 1_000_000,
				Duration.ofSeconds(30)));

		assertThatThrownBy(() -> strict.decode(clips.resolve("twelve.wav"), SegmentRule.melon()))
				.isInstanceOfSatisfying(AudioRejectedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.TOO_LONG));
		assertThatThrownBy(() -> strict.decodeAll(clips.resolve("twelve.mp3")))
				.isInstanceOfSatisfying(AudioRejectedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.TOO_LONG));
	}

	@Test
	void rejectsFileLargerThanTheLimit() {
		AudioDecoder strict = new AudioDecoder(new DecodeLimits(10_000, 1200, 384_000, 32, 1_000_000,
				Duration.ofSeconds(30)));

		assertThatThrownBy(() -> strict.decode(clips.resolve("twelve.wav"), SegmentRule.melon()))
				.isInstanceOfSatisfying(AudioRejectedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.TOO_LARGE));
	}

	@Test
	void stopsAtThePacketCap() {
		AudioDecoder strict = new AudioDecoder(new DecodeLimits(1_000_000_000, 1200, 384_000, 32, 20,
				Duration.ofSeconds(30)));

		assertThatThrownBy(() -> strict.decodeAll(clips.resolve("twelve.mp3")))
				.isInstanceOfSatisfying(AudioRejectedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.TIMED_OUT));
	}

	@Test
	void nameWithColonIsReadAsAFileNotAProtocol() throws IOException {
		Path odd = Files.copy(clips.resolve("twelve.flac"), dir.resolve("http:odd name.flac"));

		assertThat(decoder.decode(odd, SegmentRule.melon()).samples()).hasSize(480_000);
	}

	private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Path file, Reason reason) {
		return assertThatThrownBy(() -> decoder.decode(file, SegmentRule.melon()))
				.isInstanceOfSatisfying(AudioRejectedException.class, ex -> {
					assertThat(ex.reason()).as(ex.getMessage()).isEqualTo(reason);
					assertThat(ex.getMessage()).doesNotContain(file.getParent().toString())
							.doesNotContain(file.getFileName().toString());
				});
	}

	/** A 44-byte PCM WAV header claiming {@code claimedBytes} of data, followed by {@code actualBytes} of silence. */
	private static byte[] wavHeader(int rate, int channels, int bits, int claimedBytes, int actualBytes) {
		int blockAlign = channels * bits / 8;
		ByteBuffer b = ByteBuffer.allocate(44 + actualBytes).order(ByteOrder.LITTLE_ENDIAN);
		b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + claimedBytes);
		b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
				.putShort((short) channels).putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign)
				.putShort((short) bits);
		b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(claimedBytes);
		return b.array();
	}
}
