package dev.hitter.features.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelFilterbank;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.mel.MelSpectrogram;

/**
 * From a file to the model's input: a tone must land in its mel band whatever the container, and the same
 * music must give the same features whatever the sample rate and channel count it was delivered in.
 */
class AudioToMelTest {

	private static final AudioDecoder DECODER = new AudioDecoder();

	private static final LogMelSpectrogram MELON = new LogMelSpectrogram(MelSpec.MELON_V1);

	/**
	 * The stated tolerance between deliveries of the same lossless music: a log-mel cell may differ by 0.01 at
	 * most (values span 0–6) — resampling filters differ slightly per source rate.
	 */
	private static final double SAME_MUSIC_TOLERANCE = 0.01;

	@TempDir
	static Path dir;

	@ParameterizedTest
	@EnumSource(Clips.Format.class)
	void aToneOf440HertzLandsInItsMelBandInEveryFormat(Clips.Format format) {
		Path file = Clips.write(dir.resolve("tone-" + format + "." + format.extension), format, 44_100, 2, 60,
				Clips.sine(440, 0.5));

		DecodedAudio audio = DECODER.decode(file, SegmentRule.melon());
		MelSpectrogram mel = MELON.compute(audio.samples());

		assertThat(audio.segmentStartSeconds()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(audio.sourceDurationSeconds()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(0.2));
		assertThat(mel.frames()).isEqualTo(1876);
		for (int frame : new int[] { 100, 900, 1700 }) {
			assertThat(loudestBand(mel, frame)).as("%s frame %d", format, frame).isEqualTo(bandOf(440));
		}
	}

	@ParameterizedTest
	@CsvSource({ "44100, 1", "44100, 2", "48000, 1", "48000, 2", "22050, 1", "22050, 2" })
	void sameMusicGivesTheSameFeaturesAtAnyRateAndChannelCount(int rate, int channels) {
		Clips.Signal chord = (t, c) -> 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 1318.5 * t)
				+ 0.1 * Math.sin(2 * Math.PI * 3520 * t);
		MelSpectrogram reference = MELON.compute(DECODER
			.decode(Clips.write(dir.resolve("ref.flac"), Clips.Format.FLAC, 16_000, 1, 55, chord), SegmentRule.melon())
			.samples());
		Path delivered = Clips.write(dir.resolve("chord-" + rate + "-" + channels + ".flac"), Clips.Format.FLAC, rate,
				channels, 55, chord);

		MelSpectrogram mel = MELON.compute(DECODER.decode(delivered, SegmentRule.melon()).samples());

		double worst = 0;
		// The first and last frames see the segment's edges, where resampler phase differs by a sample or so.
		for (int band = 0; band < mel.bands(); band++) {
			for (int frame = 2; frame < mel.frames() - 2; frame++) {
				worst = Math.max(worst, Math.abs(mel.value(band, frame) - reference.value(band, frame)));
			}
		}
		assertThat(worst).as("largest log-mel difference at %d Hz, %d channel(s)", rate, channels)
			.isLessThanOrEqualTo(SAME_MUSIC_TOLERANCE);
	}

	private static int loudestBand(MelSpectrogram mel, int frame) {
		int loudest = 0;
		for (int band = 1; band < mel.bands(); band++) {
			if (mel.value(band, frame) > mel.value(loudest, frame)) {
				loudest = band;
			}
		}
		return loudest;
	}

	/** The band whose triangle weighs the tone's FFT bin (and its window-spread neighbours) most. */
	private static int bandOf(double hz) {
		MelSpec spec = MelSpec.MELON_V1;
		MelFilterbank bank = MelFilterbank.of(spec);
		int bin = (int) Math.round(hz * spec.frameLength() / spec.sampleRate());
		int best = 0;
		double bestWeight = -1;
		for (int band = 0; band < bank.bands(); band++) {
			double weight = 0.25 * bank.weight(band, bin - 1) + bank.weight(band, bin) + 0.25 * bank.weight(band, bin + 1);
			if (weight > bestWeight) {
				bestWeight = weight;
				best = band;
			}
		}
		return best;
	}
}
