package dev.hitter.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.lyrics.Vocabulary;
import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;

/** The researchers' tool end to end: real files in, .npy files out, the same numbers as the library. */
class FeaturesCommandTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void turnsAFolderOfAudioIntoMelsAndReportsRefusedFilesWithoutStopping() throws IOException {
		Path songs = Files.createDirectories(dir.resolve("songs/album"));
		writeWav(songs.resolve("tone.wav"), 440, 60, 22_050, 2);
		Files.writeString(dir.resolve("songs/readme.mp3"), "this is not audio");

		int status = run("mel", "--in", dir.resolve("songs").toString(), "--out", dir.resolve("mels").toString(),
				"--png", "--threads", "2");

		assertThat(status).as(err()).isEqualTo(1);
		NpyArray mel = Npy.read(dir.resolve("mels/album/tone.mel.npy"));
		assertThat(mel.shape()).containsExactly(48, 1876);
		assertThat(Files.size(dir.resolve("mels/album/tone.mel.png"))).isPositive();
		assertThat(err()).contains("[1/2]", "[2/2]", "readme.mp3 refused (audio/not-audio)", "1 written, 1 refused");
	}

	@Test
	void aFolderOnSeveralWorkersReportsInSortedOrderCountsRefusalsByKindAndGivesTracksPerSecond() throws IOException {
		Path songs = Files.createDirectories(dir.resolve("songs"));
		for (String name : new String[] { "d.wav", "b.wav", "e.wav", "a.wav" }) {
			writeWav(songs.resolve(name), 330, 12, 16_000, 1);
		}
		writeWav(songs.resolve("c.wav"), 330, 4, 16_000, 1); // under the 10 s minimum
		Files.writeString(songs.resolve("f.mp3"), "not audio either");

		int status = run("mel", "--in", songs.toString(), "--out", dir.resolve("mels").toString(), "--threads", "3");

		assertThat(status).as(err()).isEqualTo(1);
		List<String> lines = err().lines().toList();
		assertThat(lines).hasSize(7);
		String[] order = { "a.wav", "b.wav", "c.wav", "d.wav", "e.wav", "f.mp3" };
		for (int i = 0; i < order.length; i++) {
			assertThat(lines.get(i)).startsWith("[" + (i + 1) + "/6] " + songs.resolve(order[i]));
		}
		assertThat(lines.get(2)).contains("refused (audio/too-short)");
		assertThat(lines.get(6)).startsWith("done: 4 written, 2 refused (audio/not-audio 1, audio/too-short 1), 0 failed in ")
			.matches(".* [0-9]+\\.[0-9]{2} tracks/s on 3 threads");
		assertThat(Npy.read(dir.resolve("mels/e.mel.npy")).shape()).containsExactly(48, 1876);
	}

	@Test
	void pcmNpyInputSkipsDecodingAndGivesTheLibrarysNumbers() throws IOException {
		float[] pcm = new float[16_000 * 12];
		for (int i = 0; i < pcm.length; i++) {
			pcm[i] = (float) (0.4 * Math.sin(2 * Math.PI * 880 * i / 16_000.0));
		}
		Path input = dir.resolve("clip.pcm.npy");
		Npy.writeFloats(input, NpyArray.ofFloats(pcm, pcm.length));

		assertThat(run("mel", "--in", input.toString(), "--out", dir.resolve("clip.mel.npy").toString(), "--segment",
				"whole")).as(err()).isZero();

		float[] expected = new LogMelSpectrogram(MelSpec.MELON_V1).compute(pcm).values();
		assertThat(Npy.read(dir.resolve("clip.mel.npy")).values()).containsExactly(expected);
	}

	@Test
	void buildsAVocabularyThenEncodesLyricsWithIt() throws IOException {
		Path lyrics = Files.createDirectories(dir.resolve("lyrics"));
		Files.writeString(lyrics.resolve("a.lrc"), "[00:01.00]Baby 난 너를 원해 tonight\n[00:04.00]다시 함께\n");
		Files.writeString(lyrics.resolve("b.txt"), "baby baby tonight 너를 원해");

		assertThat(run("vocabulary", "--in", lyrics.toString(), "--out", dir.resolve("vocab.txt").toString(),
				"--min-count", "2")).as(err()).isZero();
		Vocabulary vocabulary = Vocabulary.load(dir.resolve("vocab.txt"));
		assertThat(vocabulary.id("tonight")).isGreaterThan(Vocabulary.UNKNOWN_ID);

		assertThat(run("lyrics", "--in", lyrics.resolve("a.lrc").toString(), "--vocab",
				dir.resolve("vocab.txt").toString(), "--out", dir.resolve("a.ids.npy").toString(), "--max-length", "8"))
			.as(err()).isZero();
		float[] ids = Npy.read(dir.resolve("a.ids.npy")).values();
		assertThat(ids).hasSize(8);
		assertThat(ids[0]).isEqualTo(vocabulary.id("babi"));
		assertThat(ids[ids.length - 1]).isZero(); // padded at the end
	}

	@Test
	void aTypoInAnOptionIsAUsageErrorNotSilence() {
		assertThat(run("mel", "--in", "x.wav", "--out", "y.npy", "--segmnet", "whole")).isEqualTo(2);
		assertThat(err()).contains("unknown option --segmnet", "Usage:");
	}

	@Test
	void missingInputIsAUsageError() {
		assertThat(run("lyrics", "--in", dir.resolve("none").toString(), "--out", "o", "--vocab",
				dir.resolve("none.txt").toString())).isNotZero();
		assertThat(run("bogus")).isEqualTo(2);
	}

	private int run(String... args) {
		return FeaturesCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** A 16-bit PCM WAV of a sine, written by hand: no encoder needed. */
	static void writeWav(Path file, double hz, double seconds, int rate, int channels) throws IOException {
		int frames = (int) (seconds * rate);
		ByteBuffer wav = ByteBuffer.allocate(44 + frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * channels * 2);
		wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels);
		wav.putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * channels * 2);
		for (int i = 0; i < frames; i++) {
			short sample = (short) (12_000 * Math.sin(2 * Math.PI * hz * i / rate));
			for (int c = 0; c < channels; c++) {
				wav.putShort(sample);
			}
		}
		Files.write(file, wav.array());
	}
}
