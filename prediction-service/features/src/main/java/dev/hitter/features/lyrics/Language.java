package dev.hitter.features.lyrics;

/** The language a lyrics token was analysed as; the script of its run decides it. */
public enum Language {
	/** Hangul, analysed by Nori. */
	KO,
	/** Latin letters, analysed by the English chain. */
	EN
}
