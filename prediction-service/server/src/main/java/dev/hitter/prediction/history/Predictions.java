package dev.hitter.prediction.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.hitter.prediction.audit.ModerationAudit;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import dev.hitter.models.Genre;
import dev.hitter.prediction.analysis.Explanation;
import dev.hitter.prediction.PredictionProblems;
import dev.hitter.prediction.analysis.TrackAnalysis;
import dev.hitter.prediction.analysis.TrackFingerprint;
import dev.hitter.prediction.client.ClientUsage;
import dev.hitter.prediction.member.ErasedMembers;
import tools.jackson.databind.ObjectMapper;

/**
 * Members' predictions: analyses a track and keeps the result, and decides who may see or change it. Another
 * member's private prediction is answered exactly like a missing one, so ids reveal nothing. Members like what they
 * can see; administrators mark reference tracks.
 */
@Service
public class Predictions {

	static final int LOGIT_BATCH = 500;


	private final TrackAnalysis analysis;

	private final PredictionRepository predictions;

	private final SpectrogramRepository spectrograms;

	private final Likes likes;

	private final AnalysisLikeNotices likeNotices;

	private final ObjectMapper json;

	private final TransactionTemplate transaction;

	private final PublishedTracks published;

	private final ErasedMembers erased;

	private final ModerationAudit moderationAudit;

	private final ClientUsage clientUsage;

	Predictions(TrackAnalysis analysis, PredictionRepository predictions, SpectrogramRepository spectrograms,
			Likes likes, AnalysisLikeNotices likeNotices, ObjectMapper json, TransactionTemplate transaction,
			PublishedTracks published, ErasedMembers erased, ModerationAudit moderationAudit, ClientUsage clientUsage) {
		this.clientUsage = clientUsage;
		this.erased = erased;
		this.moderationAudit = moderationAudit;
		this.analysis = analysis;
		this.likeNotices = likeNotices;
		this.predictions = predictions;
		this.spectrograms = spectrograms;
		this.likes = likes;
		this.json = json;
		this.transaction = transaction;
		this.published = published;
	}

	/** How many reference tracks a prediction shows. */
	static final int REFERENCES_SHOWN = 5;

	/** What the member asked to analyse, with the labels to keep beside the result. */
	public record NewPrediction(TrackAnalysis.Track track, String title, String artist, String clientId) {
	}

	/** Analyses outside any transaction (it takes seconds), then stores the result in a short one. */
	public PredictionView create(Member member, NewPrediction request) {
		TrackAnalysis.Result result = analysis.analyse(request.track());
		UUID id = UUID.randomUUID();
		Prediction saved = transaction.execute(status -> {
			// An account deleted while the track was being analysed keeps nothing of it.
			erased.requireActive(member.id());
			return store(id, member.id(), result, request.title(), request.artist(), request.clientId());
		});
		return view(saved, result.explanation(), member);
	}

	/**
	 * Keeps an analysis made elsewhere (a batch job's item) as the member's prediction, inside the caller's
	 * transaction so that it is kept together with the caller's record of it, or not at all.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID id, UUID memberId, TrackAnalysis.Result result, String title, String artist,
			String clientId) {
		store(id, memberId, result, title, artist, clientId);
	}

	private Prediction store(UUID id, UUID memberId, TrackAnalysis.Result result, String title, String artist,
			String clientId) {
		// Microseconds: what DATETIME(6) keeps, so that the POST answer and later GETs agree.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		long earlier = predictions.countByGenre(result.genre());
		long lower = predictions.countByGenreAndHitProbabilityLessThan(result.genre(), result.hitProbability());
		Prediction prediction = new Prediction(id, memberId, title, artist, result.genre(), result.hitProbability(),
				result.audioProbability(), result.lyricsProbability(), result.modelSetVersion(), earlier, lower,
				json.writeValueAsString(result.explanation()), result.fingerprint(), now, clientId);
		predictions.save(prediction);
		// Counted with the transaction's outcome unknown: a usage figure, not a ledger.
		clientUsage.analysis(memberId, clientId);
		spectrograms.save(new Spectrogram(prediction.id(), result.spectrogramPng()));
		return prediction;
	}

	@Transactional(readOnly = true)
	public PredictionView find(Member member, UUID id) {
		return view(visible(member, id), member);
	}

	@Transactional(readOnly = true)
	public byte[] spectrogram(Member member, UUID id) {
		visible(member, id);
		return spectrograms.findById(id).orElseThrow(() -> notFound(id)).png();
	}

	/** The member's own analyses; equal values (a genre, a title) newest first, so that pages are stable. */
	@Transactional(readOnly = true)
	public PredictionPage mine(Member member, int page, int size, Sort sort) {
		Page<Prediction> found = predictions.findByMemberId(member.id(),
				PageRequest.of(page, size, sort.and(Sort.by(Sort.Direction.DESC, "createdAt")).and(Sort.by("id"))));
		return page(found, member, false);
	}

	/** How many analyses the member has, for an export to say whether it holds them all. */
	@Transactional(readOnly = true)
	public long countMine(Member member) {
		return predictions.countByMemberId(member.id());
	}

	/**
	 * The member's own analyses for an export, newest first: at most {@code size} after {@code after} (null: from
	 * the newest). Each batch is read in a transaction of its own, so an export of thousands holds neither a
	 * connection nor their explanations for longer than one batch.
	 */
	@Transactional(readOnly = true)
	public List<PredictionsCsv.Row> exportMine(Member member, PredictionsCsv.Row after, int size) {
		List<Prediction> found = after == null ? predictions.newestOf(member.id(), Limit.of(size))
				: predictions.newestOfAfter(member.id(), after.createdAt(), after.id(), Limit.of(size));
		List<PredictionsCsv.Row> rows = new ArrayList<>(found.size());
		for (Prediction p : found) {
			AnsweringModels answering = answering(p);
			Explanation.Models models = answering.models();
			rows.add(new PredictionsCsv.Row(p.id(), p.title(), p.artist(), p.genre(), p.createdAt(),
					p.hitProbability(), p.audioProbability(), p.lyricsProbability(), percentile(p), p.shared(),
					models.anyDemonstration(), models.audio() == null ? null : models.audio().modelId(),
					models.lyrics() == null ? null : models.lyrics().modelId(), answering.logit()));
		}
		return rows;
	}

	/**
	 * The combined logit and its parts of the member's own analyses among {@code ids}, for a batch job's CSV. An
	 * analysis deleted since, another member's, or kept before the logit was recorded is absent. Read
	 * {@value #LOGIT_BATCH} at a time, so that a catalogue job's results do not become one huge query.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Explanation.Logit> logitsOf(Member member, List<UUID> ids) {
		Map<UUID, Explanation.Logit> logits = new HashMap<>();
		for (int from = 0; from < ids.size(); from += LOGIT_BATCH) {
			for (Prediction p : predictions.findAllById(ids.subList(from, Math.min(ids.size(), from + LOGIT_BATCH)))) {
				Explanation.Logit logit = p.memberId().equals(member.id()) ? answering(p).logit() : null;
				if (logit != null) {
					logits.put(p.id(), logit);
				}
			}
		}
		return logits;
	}

	/** Every member may read it: only shared analyses are on it, and hidden ones only for their owner. */
	@Transactional(readOnly = true)
	public PredictionPage leaderboard(Member member, Genre genre, int page, int size) {
		return page(predictions.leaderboard(genre, member.id(), member.isAdmin(), PageRequest.of(page, size)), member,
				true);
	}

	/**
	 * Liking twice is liking once. A new like of someone else's analysis tells its owner, through the outbox in this
	 * transaction: the like answers at once whether community-service is up or not.
	 */
	@Transactional
	public void like(Member member, UUID id) {
		erased.requireActive(member.id());
		Prediction prediction = visible(member, id);
		try {
			if (likes.like(prediction.id(), member.id()) && !prediction.isOwnedBy(member.id())) {
				likeNotices.liked(prediction.id(), prediction.memberId(), member);
			}
		}
		catch (DataIntegrityViolationException ex) {
			// Only the foreign key can refuse it (duplicates are absorbed): the owner deleted it meanwhile.
			throw notFound(id);
		}
	}

	@Transactional
	public void unlike(Member member, UUID id) {
		likes.unlike(visible(member, id).id(), member.id());
	}

	/** Marks (or unmarks) a reference track; administrators only, and only what they can see. */
	@Transactional
	public void markAsReference(Member member, UUID id, boolean reference) {
		requireAdministrator(member, "Only administrators mark reference tracks.");
		Prediction prediction = visible(member, id);
		if (reference) {
			prediction.markAsReference();
		}
		else {
			prediction.unmarkAsReference();
		}
	}

	@Transactional
	public PredictionView change(Member member, UUID id, PredictionChanges changes) {
		Prediction prediction = owned(member, id);
		if (changes.title() != null) {
			prediction.rename(changes.title().isBlank() ? null : changes.title().strip());
		}
		if (changes.artist() != null) {
			prediction.creditArtist(changes.artist().isBlank() ? null : changes.artist().strip());
		}
		if (changes.shared() != null) {
			prediction.share(changes.shared());
			if (!changes.shared()) {
				// Published audio is kept only while the analysis is shared.
				published.withdraw(id);
			}
		}
		return view(prediction, member);
	}

	@Transactional
	public void delete(Member member, UUID id) {
		Prediction prediction = owned(member, id);
		published.withdraw(id);
		spectrograms.deleteById(id);
		predictions.delete(prediction);
	}

	/** An administrator's decision; refused with 403 to members before the id is looked up. */
	@Transactional
	public PredictionView moderate(Member member, UUID id, Moderation state, String reason) {
		requireAdministrator(member, "Only administrators hide or remove leaderboard entries.");
		Prediction prediction = visible(member, id);
		prediction.moderate(state, reason, member.id(), Instant.now().truncatedTo(ChronoUnit.MICROS));
		if (state == Moderation.REMOVED) {
			published.withdraw(id);
		}
		moderationAudit.record("MODERATION_ENTRY_" + state.name(), prediction.memberId(), member.id(),
				"analysis " + id + ": " + reason);
		return view(prediction, member);
	}

	@Transactional
	public void restore(Member member, UUID id) {
		requireAdministrator(member, "Only administrators restore leaderboard entries.");
		Prediction prediction = visible(member, id);
		prediction.restore();
		moderationAudit.record("MODERATION_ENTRY_RESTORED", prediction.memberId(), member.id(), "analysis " + id);
	}

	/** What publishing needs to know of an analysis: its owner, what was analysed, an administrator's decision. */
	public record TrackToPublish(UUID id, UUID memberId, TrackFingerprint fingerprint, Moderation moderation) {
	}

	/** The member's own analysis (404 for anyone else's), to check a publication against before storing it. */
	@Transactional(readOnly = true)
	public TrackToPublish trackToPublish(Member member, UUID id) {
		return toPublish(owned(member, id));
	}

	/**
	 * Shares the member's own analysis for a publication in the caller's transaction, its row locked until that
	 * ends so that an unshare or a deletion cannot slip between the check and the stored audio; refused when an
	 * administrator removed the entry.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public TrackToPublish shareToPublish(Member member, UUID id) {
		Prediction prediction = predictions.findForUpdate(id).filter(p -> p.isOwnedBy(member.id()))
			.orElseThrow(() -> notFound(id));
		if (prediction.moderation() == Moderation.REMOVED) {
			throw entryRemoved();
		}
		prediction.share(true);
		return toPublish(prediction);
	}

	/** Whether the member may listen to (and read) what is published of the analysis: it is shared and visible. */
	@Transactional(readOnly = true)
	public boolean mayListen(UUID viewer, boolean admin, UUID id) {
		return predictions.findById(id).filter(p -> p.shared() && p.isVisibleTo(viewer, admin)).isPresent();
	}

	public static ApiException entryRemoved() {
		return new ApiException(PredictionProblems.ENTRY_REMOVED,
				"An administrator removed this entry from the leaderboard; it cannot be published until restored.");
	}

	private static TrackToPublish toPublish(Prediction p) {
		return new TrackToPublish(p.id(), p.memberId(), p.fingerprint(), p.moderation());
	}

	private static void requireAdministrator(Member member, String detail) {
		if (!member.isAdmin()) {
			// 403 before the lookup: the endpoint is documented, and a member must learn nothing about the id.
			throw new ApiException(ProblemType.FORBIDDEN, detail);
		}
	}

	private Prediction visible(Member member, UUID id) {
		Prediction prediction = predictions.findById(id).orElseThrow(() -> notFound(id));
		if (!prediction.isVisibleTo(member.id(), member.isAdmin())) {
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

	private PredictionView view(Prediction p, Member member) {
		return view(p, json.readValue(p.explanation(), Explanation.class), member);
	}

	private PredictionView view(Prediction p, Explanation e, Member member) {
		Likes.Tally tally = likes.tally(p.id(), member.id());
		return new PredictionView(p.id(), p.title(), p.artist(), p.genre(), p.createdAt(), p.shared(),
				p.hitProbability(), percentile(p), e.audio(), e.lyrics(), e.combination(), e.model(), e.timings(),
				e.logit(), p.referenceTrack(), tally.likes(), tally.likedByMe(), p.memberId().equals(member.id()), references(p),
				published.describe(List.of(p.id())).get(p.id()), moderation(p, member), p.fingerprint() != null,
				PredictionView.Links.of(p.id()));
	}

	/** Only the owner and administrators learn of a decision (others never see a hidden entry at all). */
	private static PredictionView.ModerationView moderation(Prediction p, Member member) {
		if (p.moderation() == null || !(p.isOwnedBy(member.id()) || member.isAdmin())) {
			return null;
		}
		return new PredictionView.ModerationView(p.moderation(), p.moderationReason(), p.moderatedAt());
	}

	/**
	 * The nearest references lie among the nearest few on either side, so at most twice the shown number is read;
	 * equal distances go to the higher probability, then the older track.
	 */
	private List<PredictionView.Reference> references(Prediction p) {
		PageRequest nearest = PageRequest.of(0, REFERENCES_SHOWN);
		List<Prediction> candidates = new ArrayList<>(
				predictions.referencesFrom(p.genre(), p.hitProbability(), p.id(), nearest));
		candidates.addAll(predictions.referencesBelow(p.genre(), p.hitProbability(), p.id(), nearest));
		return candidates.stream()
			.sorted(Comparator.<Prediction>comparingDouble(r -> Math.abs(r.hitProbability() - p.hitProbability()))
				.thenComparing(Comparator.comparingDouble(Prediction::hitProbability).reversed())
				.thenComparing(Prediction::createdAt))
			.limit(REFERENCES_SHOWN)
			.map(r -> new PredictionView.Reference(r.id(), r.title(), r.artist(), r.hitProbability(),
					Math.abs(r.hitProbability() - p.hitProbability())))
			.toList();
	}

	/** The share (0–100) of the genre's earlier analyses scored lower; null for the genre's first. */
	private static Double percentile(Prediction p) {
		return p.genreEarlierCount() == 0 ? null : 100.0 * p.genreLowerCount() / p.genreEarlierCount();
	}

	/** The models that answered, read from the kept explanation (the one place a prediction records them). */
	private Explanation.Models models(Prediction p) {
		return answering(p).models();
	}

	private AnsweringModels answering(Prediction p) {
		return json.readValue(p.explanation(), AnsweringModels.class);
	}

	/**
	 * The part of a kept explanation that names the models, and the combined logit with its parts (null in older
	 * ones); the rest (segments, words) is skipped unread.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	private record AnsweringModels(Explanation.Models model, Explanation.Logit logit) {

		Explanation.Models models() {
			return model == null ? new Explanation.Models(null, null) : model;
		}
	}

	private PredictionPage page(Page<Prediction> found, Member member, boolean ranked) {
		Map<UUID, Likes.Tally> tallies = likes.tally(found.map(Prediction::id).getContent(), member.id());
		Map<UUID, PredictionView.Publication> publications = published.describe(found.map(Prediction::id).getContent());
		long first = found.getPageable().isPaged() ? found.getPageable().getOffset() : 0;
		List<PredictionSummary> items = new ArrayList<>();
		for (Prediction p : found) {
			Likes.Tally tally = tallies.getOrDefault(p.id(), Likes.Tally.NONE);
			Long rank = ranked ? first + items.size() + 1 : null;
			items.add(new PredictionSummary(p.id(), p.title(), p.artist(), p.genre(), p.createdAt(), p.shared(),
					p.hitProbability(), models(p).anyDemonstration(), tally.likes(), tally.likedByMe(), rank,
					publications.get(p.id()), moderation(p, member), PredictionView.Links.of(p.id())));
		}
		return new PredictionPage(items, found.getNumber(), found.getSize(), found.getTotalElements(),
				found.getTotalPages());
	}
}
