package dev.hitter.prediction.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import dev.hitter.prediction.PredictionProblems;
import dev.hitter.prediction.analysis.TrackFingerprint;
import dev.hitter.prediction.history.Moderation;
import dev.hitter.prediction.history.PredictionView;
import dev.hitter.prediction.history.Predictions;
import dev.hitter.prediction.member.ErasedMembers;

/**
 * Publishing: an owner sends the analysed file again (and, if they wish, the lyrics), which is checked against the
 * fingerprint kept with the analysis and then stored for every signed-in member to hear, within the owner's quota.
 * Listening and reading follow the analysis' own visibility: shared, and not hidden by an administrator.
 */
@Service
public class Publications {

	/** The digest of no lyrics at all: an analysis made without lyrics has none to publish. */
	private static final String NO_LYRICS = TrackFingerprint.lyricsSha256("");

	private final Predictions predictions;

	private final PublicationRecords records;

	private final PublishedAudioStore audio;

	private final AudioTickets tickets;

	private final PublicationProperties properties;

	private final TransactionTemplate transaction;

	private final ErasedMembers erased;

	Publications(Predictions predictions, PublicationRecords records, PublishedAudioStore audio, AudioTickets tickets,
			PublicationProperties properties, TransactionTemplate transaction, ErasedMembers erased) {
		this.erased = erased;
		this.predictions = predictions;
		this.records = records;
		this.audio = audio;
		this.tickets = tickets;
		this.properties = properties;
		this.transaction = transaction;
	}

	/** Published audio as the stream endpoint serves it. */
	record PublishedAudio(UUID prediction, long size, String mediaType, String etag) {
	}

	/**
	 * What can be refused before the body is read (the file may be tens of megabytes): someone else's analysis, an
	 * entry an administrator removed, an analysis older than fingerprints.
	 */
	public TrackFingerprint checkPublishable(Member member, UUID id) {
		Predictions.TrackToPublish track = predictions.trackToPublish(member, id);
		if (track.moderation() == Moderation.REMOVED) {
			throw Predictions.entryRemoved();
		}
		if (track.fingerprint() == null) {
			throw ApiException.forField(PredictionProblems.PUBLICATION_UNAVAILABLE, "audio",
					"this analysis was made before HITTER recorded which file was analysed; analyse the track again "
							+ "to publish it");
		}
		return track.fingerprint();
	}

	/**
	 * Publishes the received file (and the lyrics, when given) as the analysis' audio; shares the analysis too.
	 * Nothing is stored unless both match what was analysed.
	 *
	 * @param lyrics the lyrics to publish, or null to publish none (a publication is replaced whole)
	 */
	public PredictionView publish(Member member, UUID id, Path file, String lyrics, String lyricsField) {
		TrackFingerprint analysed = checkPublishable(member, id);
		String sha256 = TrackFingerprint.sha256(file);
		if (!sha256.equals(analysed.audioSha256())) {
			throw ApiException.forField(PredictionProblems.PUBLICATION_MISMATCH, "audio",
					"is not the file that was analysed (its SHA-256 differs); choose the very file you analysed");
		}
		if (lyrics != null) {
			if (analysed.lyricsSha256() == null || analysed.lyricsSha256().equals(NO_LYRICS)) {
				throw ApiException.forField(PredictionProblems.PUBLICATION_UNAVAILABLE, lyricsField,
						"the analysis was made without lyrics, so there are none to publish");
			}
			if (!TrackFingerprint.lyricsSha256(lyrics).equals(analysed.lyricsSha256())) {
				throw ApiException.forField(PredictionProblems.PUBLICATION_MISMATCH, lyricsField,
						"are not the lyrics that were analysed");
			}
		}
		long size = size(file);
		String published = lyrics == null ? null : TrackFingerprint.normalisedLyrics(lyrics);
		transaction.executeWithoutResult(status -> store(member, id, file, size, sha256, analysed, published));
		return predictions.find(member, id);
	}

	private void store(Member member, UUID id, Path file, long size, String sha256, TrackFingerprint analysed,
			String lyrics) {
		erased.requireActive(member.id());
		predictions.shareToPublish(member, id);
		records.lockQuota(member.id());
		PublicationRecords.Stored earlier = records.find(id).orElse(null);
		if (earlier == null || !earlier.audioSha256().equals(sha256)) {
			long used = records.usedBytes(member.id(), id);
			long quota = properties.quotaPerMember().toBytes();
			if (used + size > quota) {
				throw new ApiException(PredictionProblems.PUBLICATION_QUOTA_EXCEEDED,
						"Publishing this file (" + megabytes(size) + ") would take your published audio past your quota of "
								+ megabytes(quota) + " (" + megabytes(used) + " used); unpublish another track first.",
						List.of(new FieldProblem("audio", "would exceed your published-audio quota")),
						Map.of("quotaBytes", quota, "usedBytes", used));
			}
			try (InputStream in = Files.newInputStream(file)) {
				audio.write(id, in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		records.save(id, member.id(), size, analysed.audioMediaType(), sha256, lyrics,
				Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	/** Deletes the published audio and lyrics at once; the analysis stays shared. */
	public void unpublish(Member member, UUID id) {
		predictions.trackToPublish(member, id);
		transaction.executeWithoutResult(status -> records.withdraw(id));
	}

	/** A ticket to listen with, for a member who may listen to the analysis' published audio. */
	AudioTickets.Ticket ticket(Member member, UUID id) {
		requireListenable(member.id(), member.isAdmin(), id);
		return tickets.issue(id, member.id(), member.isAdmin());
	}

	/** Who holds this ticket for this analysis; 401 when it is missing, forged or expired. */
	AudioTickets.Holder holder(String ticket, UUID id) {
		return tickets.verify(ticket, id)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "A valid access token or listening ticket "
					+ "is required; ask for a new ticket with POST /api/v1/predictions/" + id + "/audio-ticket."));
	}

	PublishedAudio audio(UUID listener, boolean admin, UUID id) {
		PublicationRecords.Stored stored = requireListenable(listener, admin, id);
		return new PublishedAudio(id, stored.audioBytes(), stored.mediaType(), "\"" + stored.audioSha256() + "\"");
	}

	InputStream open(PublishedAudio published, long offset) {
		return audio.read(published.prediction(), offset);
	}

	String lyrics(Member member, UUID id) {
		if (!predictions.mayListen(member.id(), member.isAdmin(), id)) {
			throw notPublished(id);
		}
		return records.lyrics(id).orElseThrow(() -> notPublished(id));
	}

	private PublicationRecords.Stored requireListenable(UUID listener, boolean admin, UUID id) {
		if (!predictions.mayListen(listener, admin, id)) {
			throw notPublished(id);
		}
		return records.find(id).orElseThrow(() -> notPublished(id));
	}

	/** One answer for missing, private, hidden, unpublished and deleted: ids reveal nothing. */
	private static ApiException notPublished(UUID id) {
		return new ApiException(ProblemType.NOT_FOUND, "Nothing of " + id + " is published.");
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
	}
}
