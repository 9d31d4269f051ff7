package dev.hitter.features.lyrics;

import java.util.EnumSet;
import java.util.Set;

import org.apache.lucene.analysis.ko.POS;

/**
 * The Nori part-of-speech tags whose morphemes are dropped from lyrics; our own set, because Nori's default stop
 * tags also drop adverbs (다시, 함께, 이제) and interjections (오, 아, 예) that carry much of a lyric's feeling.
 */
final class KoreanStopTags {

	/**
	 * Kept: nouns (NNG, NNP), bound nouns (NNB; the grammatical ones are stop words instead, so that turning stop
	 * words off brings them back), numerals written in Hangul (NR: 하나, 둘), pronouns (NP: 나, 너, 그대), verbs
	 * (VV), adjectives (VA), auxiliary predicates (VX: 못하, 주, 싶), the negative copula (VCN: 아니), general
	 * adverbs (MAG: 다시, 함께, 이제), interjections (IC: 오, 아, 예) and roots (XR: 깨끗 in 깨끗하다).
	 */
	static final Set<POS.Tag> KEPT = EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.NNB, POS.Tag.NR, POS.Tag.NP,
			POS.Tag.VV, POS.Tag.VA, POS.Tag.VX, POS.Tag.VCN, POS.Tag.MAG, POS.Tag.IC, POS.Tag.XR);

	/**
	 * Dropped: endings (E) and particles (J), the copula (VCP: 이다), conjunctive adverbs (MAJ: 그리고, 하지만, the
	 * counterpart of English "and/but"), determiners (MM: 이, 그, 저, 한), unit nouns (NNBC: 번, 개), prefixes and
	 * suffixes (XPN, XSN, XSV, XSA: the 하 of 사랑하다), every symbol, number, foreign-letter and Hanja tag (S*:
	 * digits are dropped on purpose, and Latin never reaches Nori), and the unknown/unanalysable tags.
	 */
	static final Set<POS.Tag> STOP_TAGS = EnumSet.complementOf(EnumSet.copyOf(KEPT));

	private KoreanStopTags() {
	}

	static boolean keeps(POS.Tag tag) {
		return tag != null && KEPT.contains(tag);
	}
}
