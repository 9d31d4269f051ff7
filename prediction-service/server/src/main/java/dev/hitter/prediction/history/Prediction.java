package dev.hitter.prediction.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.hitter.models.Genre;
import dev.hitter.prediction.analysis.TrackFingerprint;

/**
 * One member's analysis of one track, kept as history: the scores, the explanation to render it again and whether
 * the member shares it. The uploaded audio is never part of it.
 */
@Entity
@Table(name = "prediction")
class Prediction {

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID id;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "member_id", nullable = false)
	private UUID memberId;

	private String title;

	private String artist;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Genre genre;

	@Column(name = "hit_probability", nullable = false)
	private double hitProbability;

	@Column(name = "audio_probability", nullable = false)
	private double audioProbability;

	@Column(name = "lyrics_probability", nullable = false)
	private double lyricsProbability;

	@Column(name = "model_set_version", nullable = false)
	private String modelSetVersion;

	/** Analyses of the genre that existed when this one was made: the percentile's denominator. */
	@Column(name = "genre_earlier_count", nullable = false)
	private long genreEarlierCount;

	/** Of those, how many had a lower hit probability. */
	@Column(name = "genre_lower_count", nullable = false)
	private long genreLowerCount;

	/** The {@code Explanation} as JSON. */
	@Column(nullable = false, columnDefinition = "mediumtext")
	private String explanation;

	@Column(nullable = false)
	private boolean shared;

	/** Marked by an administrator as a "similar hit" that other analyses of the genre are compared with. */
	@Column(name = "reference_track", nullable = false)
	private boolean referenceTrack;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** The SHA-256 of the audio file as analysed; null for analyses made before it was recorded (not publishable). */
	@Column(name = "audio_sha256")
	private String audioSha256;

	@Column(name = "audio_media_type")
	private String audioMediaType;

	@Column(name = "lyrics_sha256")
	private String lyricsSha256;

	@Enumerated(EnumType.STRING)
	private Moderation moderation;

	@Column(name = "moderation_reason")
	private String moderationReason;

	@Column(name = "moderated_at")
	private Instant moderatedAt;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "moderated_by")
	private UUID moderatedBy;

	/** The partner API client that asked for the analysis; null for the web app. */
	@Column(name = "client_id")
	private String clientId;

	protected Prediction() {
	}

	/** An analysis the web app asked for (no partner client). */
	Prediction(UUID id, UUID memberId, String title, String artist, Genre genre, double hitProbability,
			double audioProbability, double lyricsProbability, String modelSetVersion, long genreEarlierCount,
			long genreLowerCount, String explanation, TrackFingerprint fingerprint, Instant createdAt) {
		this(id, memberId, title, artist, genre, hitProbability, audioProbability, lyricsProbability, modelSetVersion,
				genreEarlierCount, genreLowerCount, explanation, fingerprint, createdAt, null);
	}

	Prediction(UUID id, UUID memberId, String title, String artist, Genre genre, double hitProbability,
			double audioProbability, double lyricsProbability, String modelSetVersion, long genreEarlierCount,
			long genreLowerCount, String explanation, TrackFingerprint fingerprint, Instant createdAt, String clientId) {
		this.id = id;
		this.clientId = clientId;
		this.memberId = memberId;
		this.title = title;
		this.artist = artist;
		this.genre = genre;
		this.hitProbability = hitProbability;
		this.audioProbability = audioProbability;
		this.lyricsProbability = lyricsProbability;
		this.modelSetVersion = modelSetVersion;
		this.genreEarlierCount = genreEarlierCount;
		this.genreLowerCount = genreLowerCount;
		this.explanation = explanation;
		if (fingerprint != null) {
			this.audioSha256 = fingerprint.audioSha256();
			this.audioMediaType = fingerprint.audioMediaType();
			this.lyricsSha256 = fingerprint.lyricsSha256();
		}
		this.createdAt = createdAt;
	}

	UUID id() {
		return id;
	}

	UUID memberId() {
		return memberId;
	}

	String title() {
		return title;
	}

	String artist() {
		return artist;
	}

	Genre genre() {
		return genre;
	}

	double hitProbability() {
		return hitProbability;
	}

	/** The calibrated audio score. */
	double audioProbability() {
		return audioProbability;
	}

	/** The calibrated lyrics score. */
	double lyricsProbability() {
		return lyricsProbability;
	}

	long genreEarlierCount() {
		return genreEarlierCount;
	}

	long genreLowerCount() {
		return genreLowerCount;
	}

	String explanation() {
		return explanation;
	}

	boolean shared() {
		return shared;
	}

	boolean referenceTrack() {
		return referenceTrack;
	}

	Instant createdAt() {
		return createdAt;
	}

	boolean isOwnedBy(UUID member) {
		return memberId.equals(member);
	}

	/** What was analysed; null for an analysis older than fingerprints. */
	TrackFingerprint fingerprint() {
		return audioSha256 == null ? null : new TrackFingerprint(audioSha256, audioMediaType, lyricsSha256);
	}

	Moderation moderation() {
		return moderation;
	}

	String moderationReason() {
		return moderationReason;
	}

	Instant moderatedAt() {
		return moderatedAt;
	}

	/**
	 * Whether the viewer may see it at all: its owner always; others only what is shared and not hidden by an
	 * administrator, which administrators still see (so that they can restore it).
	 */
	boolean isVisibleTo(UUID viewer, boolean admin) {
		return isOwnedBy(viewer) || shared && (moderation == null || admin);
	}

	void moderate(Moderation state, String reason, UUID administrator, Instant at) {
		this.moderation = state;
		this.moderationReason = reason;
		this.moderatedBy = administrator;
		this.moderatedAt = at;
	}

	void restore() {
		this.moderation = null;
		this.moderationReason = null;
		this.moderatedBy = null;
		this.moderatedAt = null;
	}

	void rename(String title) {
		this.title = title;
	}

	void creditArtist(String artist) {
		this.artist = artist;
	}

	/** Unsharing also unmarks a reference track: references are shown to every member, so they must be shared. */
	void share(boolean shared) {
		this.shared = shared;
		if (!shared) {
			this.referenceTrack = false;
		}
	}

	/** Marking shares the track too, for the same reason. */
	void markAsReference() {
		this.referenceTrack = true;
		this.shared = true;
	}

	void unmarkAsReference() {
		this.referenceTrack = false;
	}
}
