package dev.hitter.models;

/** The two CNNs of a genre: one listens (log-mel frames), one reads (lyric tokens). */
public enum ModelKind {

	AUDIO("audio"), LYRICS("lyrics");

	private final String folder;

	ModelKind(String folder) {
		this.folder = folder;
	}

	/** The model's folder inside a model-set version, e.g. {@code audio}. */
	public String folder() {
		return folder;
	}
}
