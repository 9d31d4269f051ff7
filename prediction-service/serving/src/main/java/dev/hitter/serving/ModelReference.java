package dev.hitter.serving;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.ModelKind;

/**
 * Which model gave an answer and what it was trained on, quoted in every score so that an answer can always say
 * so (and repeat the card's notice, e.g. that it is a demonstration model trained on synthetic data).
 *
 * @param modelId the card's id, e.g. {@code pop-audio-v20261127-201500}
 * @param version the model-set version folder it was loaded from
 * @param genre the genre it scores
 * @param kind audio or lyrics
 * @param demonstration true for models trained on synthetic data
 * @param notice the card's notice, repeated word for word
 * @param trainingData the card's training data in a sentence
 */
public record ModelReference(String modelId, String version, Genre genre, ModelKind kind, boolean demonstration,
		String notice, String trainingData) {

	static ModelReference of(ModelCard card, String version) {
		String trainingData = card.trainingData() == null ? "" : card.trainingData().description();
		return new ModelReference(card.modelId(), version, card.genre(), card.kind(), card.demonstration(),
				card.notice() == null ? "" : card.notice(), trainingData);
	}
}
