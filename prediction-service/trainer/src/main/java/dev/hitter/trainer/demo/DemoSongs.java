package dev.hitter.trainer.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpec;
import dev.hitter.models.Genre;
import dev.hitter.trainer.data.MelSource;
import dev.hitter.trainer.data.Song;

/**
 * Synthetic songs for demonstration models: 30 s of 16 kHz PCM pushed through the real log-mel front end, and
 * Korean/English lyrics, whose hit label is learnable from either alone.
 *
 * <p>A song's label is drawn first (30 % hits); then each cue is drawn from the label's distribution, and the
 * distributions overlap so that no single cue decides: hits tend to be faster (percussive clicks on every beat,
 * genre-specific tempo ranges), brighter (chords with a slower harmonic roll-off, i.e. a higher spectral centroid)
 * and carry a hook (a four-note rising motif that recurs every 4 s; other songs get a few scattered notes). Their
 * lyrics tend to repeat the genre's hook line in a chorus and use "bright" lines; non-hits tend to "grey" lines.
 * Label noise: with probability {@code labelNoise} a song's cues are drawn from the opposite label, so even a
 * perfect model stays below AUC 1.0. Same seed, same songs.
 */
public final class DemoSongs {

	public static final String LABEL_RULE = "synthetic: label drawn first (30 % hits), then tempo, brightness, a "
			+ "recurring hook motif and lyric hook/bright words drawn from overlapping label-dependent distributions; "
			+ "label noise: cues of a fraction of songs drawn from the opposite label";

	static final int SAMPLE_RATE = 16_000;

	static final int SAMPLES = 30 * SAMPLE_RATE;

	private static final int TABLE = 4096;

	private static final List<String> NEUTRAL = List.of("오늘도 나는 이 길을 걸어", "창밖에 비가 조용히 내리네",
			"너의 이름을 다시 불러 본다", "시간이 흘러가도 여기 있어", "작은 방 안에 앉아 노래해", "우리의 이야기는 계속돼",
			"the city lights are turning on", "i remember what you said to me", "every step along the road",
			"we were young and we were running", "a letter on the kitchen table", "the radio plays our old song");

	private static final List<String> BRIGHT = List.of("we shine brighter than the sun", "golden summer in the sky",
			"너와 함께 빛나는 이 밤", "하늘 높이 날아올라 가자", "sparkle like the morning star", "반짝이는 별빛 아래 웃어");

	private static final List<String> GREY = List.of("grey and tired on a rainy day", "nothing ever changes here",
			"지루한 하루가 또 지나가", "텅 빈 거리 위에 멈춰 서", "dull and empty hours go by", "무거운 발걸음 집으로 가");

	private final long seed;

	private final double labelNoise;

	private final LogMelSpectrogram melFrontEnd = new LogMelSpectrogram(MelSpec.MELON_V1);

	public DemoSongs(long seed, double labelNoise) {
		if (labelNoise < 0 || labelNoise > 0.5) {
			throw new IllegalArgumentException("label noise must be in [0, 0.5]: " + labelNoise);
		}
		this.seed = seed;
		this.labelNoise = labelNoise;
	}

	/** {@code count} songs of the genre; the same seed, genre and count always give the same songs. */
	public List<Song> generate(Genre genre, int count) {
		GenreStyle style = GenreStyle.of(genre);
		SplittableRandom genreRandom = new SplittableRandom(seed * 31 + genre.ordinal());
		List<Song> songs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			SplittableRandom random = genreRandom.split();
			boolean hit = random.nextDouble() < 0.3;
			boolean cues = random.nextDouble() < labelNoise ? !hit : hit;
			float[] pcm = track(style, cues, random);
			float[] mel = melFrontEnd.compute(pcm).framesFirst();
			String lyrics = lyrics(style, cues, random);
			String id = genre.name().toLowerCase() + "-demo-" + String.format("%04d", i);
			songs.add(new Song(id, genre, hit, MelSource.inMemory(mel), lyrics, null));
		}
		return songs;
	}

	/** The 30 s of PCM of a song whose cues follow {@code hitCues}. */
	static float[] track(GenreStyle style, boolean hitCues, SplittableRandom random) {
		float[] pcm = new float[SAMPLES];
		double bpm = hitCues ? uniform(random, style.splitBpm() - 6, style.fastBpm())
				: uniform(random, style.slowBpm(), style.splitBpm() + 6);
		double rolloff = hitCues ? uniform(random, 0.5, 1.3) : uniform(random, 1.1, 2.2);
		boolean hook = random.nextDouble() < (hitCues ? 0.8 : 0.2);
		chords(pcm, style, rolloff, random);
		clicks(pcm, bpm, random);
		if (hook) {
			double start = uniform(random, 0.3, 1.5);
			double[] motif = { 880, 1108.7, 1318.5, 1760 };
			for (double at = start; at + 0.6 < 30; at += 4) {
				for (int note = 0; note < motif.length; note++) {
					tone(pcm, motif[note], at + note * 0.15, 0.15, 0.18);
				}
			}
		}
		else {
			for (int note = 0; note < 6; note++) {
				tone(pcm, uniform(random, 700, 1900), uniform(random, 0, 29.5), 0.15, 0.18);
			}
		}
		for (int i = 0; i < pcm.length; i++) {
			pcm[i] += (float) ((random.nextDouble() - 0.5) * 0.004);
		}
		return pcm;
	}

	/** A triad that changes every 2 s, each tone with harmonics falling as {@code h^-rolloff} (brightness). */
	private static void chords(float[] pcm, GenreStyle style, double rolloff, SplittableRandom random) {
		float[] table = new float[TABLE];
		double peak = 0;
		for (int i = 0; i < TABLE; i++) {
			double value = 0;
			for (int h = 1; h <= 16; h++) {
				value += Math.pow(h, -rolloff) * Math.sin(2 * Math.PI * h * i / TABLE);
			}
			table[i] = (float) value;
			peak = Math.max(peak, Math.abs(value));
		}
		double[] roots = new double[4];
		for (int i = 0; i < roots.length; i++) {
			roots[i] = uniform(random, style.lowRootHz(), style.highRootHz());
		}
		double[] ratios = { 1, 1.26, 1.5 };
		int block = 2 * SAMPLE_RATE;
		for (int start = 0, chord = 0; start < SAMPLES; start += block, chord++) {
			double root = roots[chord % roots.length];
			for (double ratio : ratios) {
				double step = root * ratio * TABLE / SAMPLE_RATE;
				double phase = 0;
				for (int i = start; i < Math.min(SAMPLES, start + block); i++) {
					pcm[i] += (float) (0.08 / peak) * table[(int) phase];
					phase += step;
					if (phase >= TABLE) {
						phase -= TABLE;
					}
				}
			}
		}
	}

	/** A noise burst with a low thump on every beat: the onset rate is the tempo. */
	private static void clicks(float[] pcm, double bpm, SplittableRandom random) {
		double interval = 60 / bpm;
		int length = (int) (0.08 * SAMPLE_RATE);
		for (double at = uniform(random, 0, interval); at < 30; at += interval) {
			int start = (int) (at * SAMPLE_RATE);
			for (int i = 0; i < length && start + i < SAMPLES; i++) {
				double t = (double) i / SAMPLE_RATE;
				double noise = (random.nextDouble() * 2 - 1) * Math.exp(-t / 0.01) * 0.35;
				double thump = Math.sin(2 * Math.PI * 70 * t) * Math.exp(-t / 0.03) * 0.3;
				pcm[start + i] += (float) (noise + thump);
			}
		}
	}

	private static void tone(float[] pcm, double hz, double at, double seconds, double amplitude) {
		int start = (int) (at * SAMPLE_RATE);
		int length = (int) (seconds * SAMPLE_RATE);
		for (int i = 0; i < length && start + i < SAMPLES; i++) {
			double t = (double) i / SAMPLE_RATE;
			double envelope = Math.min(1, t / 0.01) * Math.min(1, (seconds - t) / 0.02);
			pcm[start + i] += (float) (amplitude * envelope
					* (Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(4 * Math.PI * hz * t)));
		}
	}

	/** Eight to twelve lines; hits tend to a repeated hook chorus and bright lines. */
	static String lyrics(GenreStyle style, boolean hitCues, SplittableRandom random) {
		List<String> lines = new ArrayList<>();
		int count = 8 + random.nextInt(5);
		for (int i = 0; i < count; i++) {
			double draw = random.nextDouble();
			double bright = hitCues ? 0.4 : 0.05;
			double grey = hitCues ? 0.05 : 0.4;
			List<String> pool = draw < bright ? BRIGHT : draw < bright + grey ? GREY : NEUTRAL;
			lines.add(pool.get(random.nextInt(pool.size())));
		}
		if (random.nextDouble() < (hitCues ? 0.85 : 0.15)) {
			String hook = style.hookLines().get(random.nextInt(style.hookLines().size()));
			int at = random.nextInt(lines.size());
			lines.add(at, hook);
			lines.add(Math.min(lines.size(), at + 3), hook);
		}
		return String.join("\n", lines);
	}

	private static double uniform(SplittableRandom random, double from, double to) {
		return from + random.nextDouble() * (to - from);
	}
}
