package dev.hitter.prediction.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.hitter.features.audio.AudioDecoder;
import dev.hitter.features.audio.AudioRejectedException;
import dev.hitter.features.audio.DecodedAudio;
import dev.hitter.features.audio.SegmentRule;
import dev.hitter.features.lyrics.EncodedLyrics;
import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.lyrics.LyricsRejectedException;
import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.features.mel.MelSpectrogram;
import dev.hitter.features.picture.SpectrogramPicture;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.models.Genre;
import dev.hitter.prediction.PredictionProblems;
import dev.hitter.serving.AudioScore;
import dev.hitter.serving.GenreModels;
import dev.hitter.serving.HitAttribution;
import dev.hitter.serving.HitScore;
import dev.hitter.serving.LyricsScore;
import dev.hitter.serving.ModelReference;
import dev.hitter.serving.ModelRegistry;
import dev.hitter.serving.ModelsBusyException;
import dev.hitter.serving.ModelsUnavailableException;
import dev.hitter.serving.TimeContribution;
import dev.hitter.serving.TokenContribution;

/**
 * One track's analysis: decode the Melon segment of the upload, make its log-mel spectrogram, score audio and lyrics
 * with the genre's models and explain the result. The audio is read from the private upload folder, where whoever
 * received it keeps it for the duration of the call only.
 */
@Service
public class TrackAnalysis {

	private static final Logger log = LoggerFactory.getLogger(TrackAnalysis.class);

	static final int TOP_SEGMENTS = 3;

	static final int WORDS_SHOWN = 5;

	/**
	 * The top segments are stretches of this many seconds, not single model positions (64 ms each): a stretch is
	 * something a listener can find and hear again, about a bar at pop tempos.
	 */
	static final double STRETCH_SECONDS = 3.0;

	private final ModelRegistry registry;

	private final AnalysisGate gate;

	private final AnalysisProperties properties;

	private final ObjectProvider<AnalysisObserver> observers;

	private final AudioDecoder decoder = new AudioDecoder();

	private final LogMelSpectrogram melMaker = new LogMelSpectrogram(GenreModels.AUDIO_SPEC);

	private final LyricsEncoder lyricsEncoder = new LyricsEncoder(GenreModels.LYRICS_SPEC);

	TrackAnalysis(ModelRegistry registry, AnalysisGate gate, AnalysisProperties properties,
			ObjectProvider<AnalysisObserver> observers) {
		this.registry = registry;
		this.gate = gate;
		this.properties = properties;
		this.observers = observers;
	}

	/**
	 * What to analyse.
	 *
	 * @param audio the upload, already received into the {@link UploadFolder}; its receiver deletes it
	 * @param lyricsField the form field the lyrics came from, named in a refusal
	 */
	public record Track(Genre genre, Path audio, String lyrics, String lyricsField) {
	}

	/**
	 * The analysis: the combined score, its explanation, the spectrogram picture of the segment, and the fingerprint
	 * of what was analysed.
	 */
	public record Result(Genre genre, double hitProbability, double audioProbability, double lyricsProbability,
			String modelSetVersion, Explanation explanation, byte[] spectrogramPng, TrackFingerprint fingerprint) {

		/** Whether a demonstration model gave (part of) this answer. */
		public boolean demonstration() {
			return explanation.model() != null && explanation.model().anyDemonstration();
		}
	}

	public Result analyse(Track track) {
		long start = System.nanoTime();
		try (AnalysisGate.Admission admission = gate.enter()) {
			observers.forEach(observer -> observer.admitted(track.genre()));
			GenreModels models = registry.models(track.genre());
			EncodedLyrics lyrics = encode(track, models);

			long decodeStart = System.nanoTime();
			DecodedAudio audio = decode(track.audio());
			long featuresStart = System.nanoTime();
			MelSpectrogram mel = melMaker.compute(audio.samples());
			byte[] png = SpectrogramPicture.RESULT_PAGE.png(mel);
			long audioStart = System.nanoTime();
			AudioScore audioScore = models.scoreAudio(mel);
			long lyricsStart = System.nanoTime();
			LyricsScore lyricsScore = models.scoreLyrics(lyrics);
			long end = System.nanoTime();
			HitScore hit = models.combine(audioScore, lyricsScore);
			observers.forEach(observer -> observer.stagesDone(track.genre(), Duration.ofNanos(featuresStart - decodeStart),
					Duration.ofNanos(audioStart - featuresStart), Duration.ofNanos(end - audioStart)));

			Explanation.Timings timings = new Explanation.Timings(millis(decodeStart, featuresStart),
					millis(featuresStart, audioStart), millis(audioStart, lyricsStart), millis(lyricsStart, end),
					millis(start, end));
			Explanation explanation = new Explanation(
					explainAudio(audioScore, hit.attribution(), audio.segmentStartSeconds()),
					explainLyrics(lyricsScore, hit.attribution()), explainCombination(hit),
					new Explanation.Models(model(audioScore.model()), model(lyricsScore.model())), timings,
					explainLogit(hit.attribution()));
			// After the decoder accepted the file: nothing is hashed for a refused upload.
			TrackFingerprint fingerprint = TrackFingerprint.of(track.audio(), audio.container(), track.lyrics());
			return new Result(track.genre(), hit.probability(), audioScore.probability(), lyricsScore.probability(),
					hit.version(), explanation, png, fingerprint);
		}
		catch (ModelsBusyException ex) {
			throw new ApiException(PredictionProblems.ANALYSES_BUSY,
					"Every " + track.genre() + " model is busy; retry in a few seconds.", properties.retryAfter());
		}
		catch (ModelsUnavailableException ex) {
			// The registry's message names folders on this server: log it, tell the client only the genre.
			log.warn("Refused a {} analysis: {}", track.genre(), ex.getMessage());
			throw new ApiException(PredictionProblems.MODELS_UNAVAILABLE,
					"No " + track.genre() + " models are loaded right now; retry later.", properties.retryAfter());
		}
	}

	private EncodedLyrics encode(Track track, GenreModels models) {
		try {
			return lyricsEncoder.encode(track.lyrics() == null ? "" : track.lyrics(), models.vocabulary());
		}
		catch (LyricsRejectedException ex) {
			throw rejected(PredictionProblems.LYRICS_REJECTED, track.lyricsField(), ex.getMessage(), ex.code());
		}
	}

	private DecodedAudio decode(Path file) {
		try {
			return decoder.decode(file, SegmentRule.melon());
		}
		catch (AudioRejectedException ex) {
			throw rejected(audioProblem(ex.reason()), "audio", ex.getMessage(), ex.code());
		}
	}

	private static ProblemType audioProblem(AudioRejectedException.Reason reason) {
		return switch (reason) {
			case EMPTY, NOT_AUDIO, UNSUPPORTED_FORMAT -> PredictionProblems.AUDIO_NOT_SUPPORTED;
			case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
			default -> PredictionProblems.AUDIO_REJECTED;
		};
	}

	private static ApiException rejected(ProblemType type, String field, String detail, String reason) {
		return new ApiException(type, detail, List.of(new FieldProblem(field, detail)), Map.of("reason", reason));
	}

	/** The segments' contributions in the combined logit (the attribution's), the probability from the audio model. */
	private static Explanation.Audio explainAudio(AudioScore score, HitAttribution attribution, double segmentStart) {
		List<Explanation.Segment> segments = new ArrayList<>();
		int stretchCount = (int) Math.ceil(GenreModels.SEGMENT_SECONDS / STRETCH_SECONDS - 1e-9);
		double[] stretches = new double[stretchCount];
		for (TimeContribution c : attribution.audio()) {
			segments.add(new Explanation.Segment(c.fromSeconds(), c.toSeconds(), c.logit()));
			double centre = (c.fromSeconds() + c.toSeconds()) / 2;
			stretches[Math.min(stretchCount - 1, (int) (centre / STRETCH_SECONDS))] += c.logit();
		}
		List<Explanation.Segment> top = new ArrayList<>();
		for (int i = 0; i < stretchCount; i++) {
			top.add(new Explanation.Segment(i * STRETCH_SECONDS,
					Math.min(GenreModels.SEGMENT_SECONDS, (i + 1) * STRETCH_SECONDS), stretches[i]));
		}
		top.sort(Comparator.comparingDouble(Explanation.Segment::contribution).reversed());
		return new Explanation.Audio(score.probability(), segmentStart, segments, List.copyOf(top.subList(0,
				Math.min(TOP_SEGMENTS, top.size()))));
	}

	/**
	 * Words, not tokens: a chorus word's occurrences are summed, so the lists name different words. Words the
	 * vocabulary lacks are left out: the model read each as the same unknown token, so their share says nothing
	 * about the word itself; they are one item instead ({@code unknownTokens}, {@code unknownContribution}).
	 */
	private static Explanation.Lyrics explainLyrics(LyricsScore score, HitAttribution attribution) {
		Map<String, Explanation.Word> words = new LinkedHashMap<>();
		for (TokenContribution c : attribution.words()) {
			words.merge(c.key(), new Explanation.Word(c.surface(), c.logit(), 1),
					(a, b) -> new Explanation.Word(a.word(), a.contribution() + b.contribution(), a.occurrences() + 1));
		}
		List<Explanation.Word> raised = words.values()
			.stream()
			.filter(w -> w.contribution() > 0)
			.sorted(Comparator.comparingDouble(Explanation.Word::contribution).reversed())
			.limit(WORDS_SHOWN)
			.toList();
		List<Explanation.Word> lowered = words.values()
			.stream()
			.filter(w -> w.contribution() < 0)
			.sorted(Comparator.comparingDouble(Explanation.Word::contribution))
			.limit(WORDS_SHOWN)
			.toList();
		return new Explanation.Lyrics(score.probability(), raised, lowered, score.unknownTokens(), score.truncated(),
				attribution.unknownWords().logit());
	}

	private static Explanation.Logit explainLogit(HitAttribution attribution) {
		return new Explanation.Logit(attribution.logit(), attribution.bias(), attribution.audioTotal(),
				attribution.wordsTotal(), attribution.unknownWords().logit(), attribution.residual());
	}

	private static Explanation.Combination explainCombination(HitScore hit) {
		dev.hitter.models.Combination c = hit.combination();
		return new Explanation.Combination(c.method(), c.audioWeight(), c.lyricsWeight(), c.bias(), hit.audioShare());
	}

	private static Explanation.Model model(ModelReference reference) {
		return new Explanation.Model(reference.modelId(), reference.version(), reference.demonstration(),
				reference.notice(), reference.trainingData());
	}

	private static long millis(long fromNanos, long toNanos) {
		return (toNanos - fromNanos) / 1_000_000;
	}
}
