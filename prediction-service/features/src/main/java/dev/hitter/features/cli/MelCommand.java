package dev.hitter.features.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.hitter.features.audio.AudioDecoder;
import dev.hitter.features.audio.PcmSegment;
import dev.hitter.features.audio.SegmentRule;
import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.features.mel.MelSpectrogram;
import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;
import dev.hitter.features.picture.SpectrogramPicture;

/** {@code features mel}: audio files (or 16 kHz PCM in .npy) to melon-v1 log-mel .npy files. */
final class MelCommand {

	static final String USAGE = """
			features mel --in <audio file | .npy PCM | folder> --out <file.npy | folder>
			             [--segment melon|whole] [--png] [--threads N]
			  Decodes (WAV, AIFF, MP3, FLAC, OGG, Opus, M4A/AAC), mixes to mono, resamples to 16 kHz, takes the
			  20-50 s segment (--segment melon, the default: shorter tracks use the centred 30 s, then zero
			  padding; under 10 s they are refused) or the whole track, and writes the log-mel (spec melon-v1)
			  as float32 48 x frames, the layout of the Melon Playlist Dataset. A .npy input holds float32 mono
			  PCM at 16 kHz and skips decoding. --png also writes the spectrogram picture beside each file.
			  A folder is done on --threads workers (default: every core), each decoding and computing one file
			  at a time; the progress lines come in the folder's sorted order, refusals and failures are counted
			  by kind, and the last line gives the tracks per second.""";

	static final Set<String> AUDIO = Set.of("wav", "aif", "aiff", "mp3", "flac", "ogg", "oga", "opus", "m4a", "aac",
			"mp4", "npy");

	private final AudioDecoder decoder = new AudioDecoder();

	private final LogMelSpectrogram melon = new LogMelSpectrogram(MelSpec.MELON_V1);

	int run(List<String> args, PrintStream progress) throws IOException {
		Arguments options = new Arguments(args, Set.of("png"));
		Path in = options.path("in");
		Path out = options.path("out");
		String segment = options.optional("segment", "melon");
		if (!segment.equals("melon") && !segment.equals("whole")) {
			throw new UsageException("--segment must be melon or whole, not '" + segment + "'");
		}
		boolean png = options.flag("png");
		int threads = options.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 64);
		options.noneLeft();
		SegmentRule rule = SegmentRule.melon();

		return new Batch(AUDIO, ".mel.npy", progress, "tracks").run(in, out, threads, (input, output) -> {
			float[] pcm = pcmOf(input, segment.equals("melon") ? rule : null);
			MelSpectrogram mel = melon.compute(pcm);
			Npy.writeFloats(output, NpyArray.ofFloats(mel.values(), mel.bands(), mel.frames()));
			if (png) {
				String name = output.getFileName().toString().replaceFirst("\\.npy$", "") + ".png";
				Files.write(output.resolveSibling(name), SpectrogramPicture.RESULT_PAGE.png(mel));
			}
			return mel.bands() + "x" + mel.frames();
		});
	}

	private float[] pcmOf(Path input, SegmentRule rule) throws IOException {
		if (Batch.extension(input).equals("npy")) {
			NpyArray array = Npy.read(input);
			if (array.rank() != 1) {
				throw new IOException("a PCM .npy must be one-dimensional (mono samples), not " + array);
			}
			return rule == null ? array.values() : PcmSegment.cut(array.values(), rule);
		}
		return rule == null ? decoder.decodeAll(input) : decoder.decode(input, rule).samples();
	}
}
