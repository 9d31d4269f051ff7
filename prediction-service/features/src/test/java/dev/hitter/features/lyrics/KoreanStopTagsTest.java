package dev.hitter.features.lyrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.apache.lucene.analysis.ko.POS;
import org.junit.jupiter.api.Test;

class KoreanStopTagsTest {

	@Test
	void keepsContentWordsAdverbsAndInterjections() {
		assertThat(KoreanStopTags.KEPT).contains(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.NP, POS.Tag.VV, POS.Tag.VA,
				POS.Tag.VX, POS.Tag.MAG, POS.Tag.IC);
	}

	@Test
	void dropsParticlesEndingsSuffixesAndSymbols() {
		assertThat(KoreanStopTags.STOP_TAGS).contains(POS.Tag.J, POS.Tag.E, POS.Tag.XSV, POS.Tag.XSA, POS.Tag.XSN,
				POS.Tag.XPN, POS.Tag.VCP, POS.Tag.SF, POS.Tag.SY, POS.Tag.SN, POS.Tag.SL, POS.Tag.SH);
	}

	@Test
	void classifiesEveryNoriTagExactlyOnce() {
		// A Lucene upgrade that adds a tag lands in STOP_TAGS; this test makes someone decide on purpose.
		assertThat(EnumSet.copyOf(KoreanStopTags.KEPT)).doesNotContainAnyElementsOf(KoreanStopTags.STOP_TAGS);
		EnumSet<POS.Tag> all = EnumSet.copyOf(KoreanStopTags.KEPT);
		all.addAll(KoreanStopTags.STOP_TAGS);
		assertThat(all).isEqualTo(EnumSet.allOf(POS.Tag.class));
		assertThat(POS.Tag.values()).hasSize(36);
	}

	@Test
	void keepsNothingWithoutATag() {
		assertThat(KoreanStopTags.keeps(null)).isFalse();
	}
}
