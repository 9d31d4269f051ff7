package dev.hitter.prediction.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import dev.hitter.prediction.analysis.Explanation;
import dev.hitter.prediction.analysis.TrackAnalysis;
import tools.jackson.databind.ObjectMapper;

/**
 * Members' predictions: analyses a track and keeps the result, and decides who may see or change it. Another
 * member's private prediction is answered exactly like a missing one, so ids reveal nothing.
 */
@Service
public class Predictions {

	private final TrackAnalysis analysis;

	private final PredictionRepository predictions;

	private final SpectrogramRepository spectrograms;

	private final ObjectMapper json;

	private final TransactionTemplate transaction;

	Predictions(TrackAnalysis analysis, PredictionRepository predictions, SpectrogramRepository spectrograms,
			ObjectMapper json, TransactionTemplate transaction) {
		this.analysis = analysis;
		this.predictions = predictions;
		this.spectrograms = spectrograms;
		this.json = json;
		this.transaction = transaction;
	}

	/** What the member asked to analyse, with the labels to keep beside the result. */
	public record NewPrediction(TrackAnalysis.Track track, String title, String artist) {
	}

	/** Analyses outside any transaction (it takes seconds), then stores the result in a short one. */
	public PredictionView create(Member member, NewPrediction request) {
		TrackAnalysis.Result result = analysis.analyse(request.track());
		// Microseconds: what DATETIME(6) keeps, so that the POST answer and later GETs agree.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Prediction saved = transaction.execute(status -> {
			long earlier = predictions.countByGenre(result.genre());
			long lower = predictions.countByGenreAndHitProbabilityLessThan(result.genre(), result.hitProbability());
			Prediction prediction = new Prediction(UUID.randomUUID(), member.id(), request.title(), request.artist(),
					result.genre(), result.hitProbability(), result.audioProbability(), result.lyricsProbability(),
					result.modelSetVersion(), earlier, lower, json.writeValueAsString(result.explanation()), now);
			predictions.save(prediction);
			spectrograms.save(new Spectrogram(prediction.id(), result.spectrogramPng()));
			return prediction;
		});
		return view(saved, result.explanation());
	}

	@Transactional(readOnly = true)
	public PredictionView find(Member member, UUID id) {
		Prediction prediction = visible(member, id);
		return view(prediction, json.readValue(prediction.explanation(), Explanation.class));
	}

	@Transactional(readOnly = true)
	public byte[] spectrogram(Member member, UUID id) {
		visible(member, id);
		return spectrograms.findById(id).orElseThrow(() -> notFound(id)).png();
	}

	@Transactional(readOnly = true)
	public PredictionPage mine(Member member, int page, int size, Sort sort) {
		Page<Prediction> found = predictions.findByMemberId(member.id(),
				PageRequest.of(page, size, sort.and(Sort.by("id"))));
		return new PredictionPage(found.map(Predictions::summary).getContent(), page, size, found.getTotalElements(),
				found.getTotalPages());
	}

	@Transactional
	public PredictionView change(Member member, UUID id, PredictionChanges changes) {
		Prediction prediction = owned(member, id);
		if (changes.title() != null) {
			prediction.rename(changes.title().isBlank() ? null : changes.title().strip());
		}
		if (changes.shared() != null) {
			prediction.share(changes.shared());
		}
		return view(prediction, json.readValue(prediction.explanation(), Explanation.class));
	}

	@Transactional
	public void delete(Member member, UUID id) {
		Prediction prediction = owned(member, id);
		spectrograms.deleteById(id);
		predictions.delete(prediction);
	}

	private Prediction visible(Member member, UUID id) {
		Prediction prediction = predictions.findById(id).orElseThrow(() -> notFound(id));
		if (!prediction.shared() && !prediction.isOwnedBy(member.id())) {
			throw notFound(id);
		}
		return prediction;
	}

	private Prediction owned(Member member, UUID id) {
		Prediction prediction = predictions.findById(id).orElseThrow(() -> notFound(id));
		if (!prediction.isOwnedBy(member.id())) {
			// Even when shared: others may look, never change; and a 403 would confirm the id exists.
			throw notFound(id);
		}
		return prediction;
	}

	private static ApiException notFound(UUID id) {
		return new ApiException(ProblemType.NOT_FOUND, "There is no prediction " + id + ".");
	}

	private static PredictionView view(Prediction p, Explanation e) {
		Double percentile = p.genreEarlierCount() == 0 ? null
				: 100.0 * p.genreLowerCount() / p.genreEarlierCount();
		return new PredictionView(p.id(), p.title(), p.artist(), p.genre(), p.createdAt(), p.shared(),
				p.hitProbability(), percentile, e.audio(), e.lyrics(), e.combination(), e.model(), e.timings(),
				PredictionView.Links.of(p.id()));
	}

	private static PredictionSummary summary(Prediction p) {
		return new PredictionSummary(p.id(), p.title(), p.artist(), p.genre(), p.createdAt(), p.shared(),
				p.hitProbability(), PredictionView.Links.of(p.id()));
	}
}
