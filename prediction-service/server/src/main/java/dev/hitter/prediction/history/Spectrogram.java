package dev.hitter.prediction.history;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A prediction's spectrogram picture, in its own table so that listing predictions never loads the PNGs. */
@Entity
@Table(name = "prediction_spectrogram")
class Spectrogram {

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "prediction_id")
	private UUID predictionId;

	@Column(nullable = false, columnDefinition = "mediumblob")
	private byte[] png;

	protected Spectrogram() {
	}

	Spectrogram(UUID predictionId, byte[] png) {
		this.predictionId = predictionId;
		this.png = png;
	}

	byte[] png() {
		return png;
	}
}
