package dev.hitter.features.lyrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LyricsEncoderTest {

	private static final LyricsEncoder ENCODER = new LyricsEncoder(LyricsSpec.V1);

	private static final List<String> SONGS = List.of("Baby 난 너를 원해 tonight",
			"사랑한다고 말하지 못했던 내 마음을 알아줘", "[00:01.00]다시 함께 이제\n[00:05.00]Oh yeah, dancing all night",
			"그대여 그대로 있어줘 (x2)\n눈물이 흘러 내려요", "I don't wanna lose you, baby\n우린 하나야", "");

	private static final Vocabulary VOCABULARY = Vocabulary.build(SONGS.stream().map(ENCODER::keys).toList(), 1,
			1000);

	@Test
	void encodesToExactlyMaxLengthIdsPaddedAtTheEnd() {
		EncodedLyrics encoded = ENCODER.encode("Baby 난 너를 원해 tonight", VOCABULARY);
		int[] ids = encoded.ids();
		assertThat(ids).hasSize(512);
		assertThat(encoded.length()).isEqualTo(5);
		assertThat(Arrays.copyOfRange(ids, 0, 5)).doesNotContain(Vocabulary.PAD_ID, Vocabulary.UNKNOWN_ID);
		assertThat(Arrays.copyOfRange(ids, 5, 512)).containsOnly(Vocabulary.PAD_ID);
		assertThat(encoded.specId()).isEqualTo("lyrics-v1");
		assertThat(encoded.truncated()).isFalse();
		assertThat(encoded.unknownCount()).isZero();
	}

	@Test
	void mapsEachIdPositionBackToAReadableToken() {
		EncodedLyrics encoded = ENCODER.encode("Baby 난 너를 원해 tonight", VOCABULARY);
		int[] ids = encoded.ids();
		for (int i = 0; i < encoded.length(); i++) {
			EncodedToken token = encoded.tokens().get(i);
			assertThat(token.id()).isEqualTo(ids[i]);
			assertThat(VOCABULARY.token(ids[i])).isEqualTo(token.key());
		}
		assertThat(encoded.tokens()).extracting(EncodedToken::surface)
			.containsExactly("baby", "난", "너", "원해", "tonight");
		assertThat(encoded.tokens()).extracting(EncodedToken::language)
			.containsExactly(Language.EN, Language.KO, Language.KO, Language.KO, Language.EN);
	}

	@Test
	void mapsUnknownTokensToOneAndCountsThem() {
		EncodedLyrics encoded = ENCODER.encode("Baby 우주 galaxy", VOCABULARY);
		assertThat(encoded.tokens()).extracting(EncodedToken::key, EncodedToken::id)
			.containsExactly(tuple("babi", VOCABULARY.id("babi")),
					tuple("우주", Vocabulary.UNKNOWN_ID),
					tuple("galaxi", Vocabulary.UNKNOWN_ID));
		assertThat(encoded.unknownCount()).isEqualTo(2);
	}

	@Test
	void encodesInstrumentalsAsAllPadding() {
		EncodedLyrics encoded = ENCODER.encode("", VOCABULARY);
		assertThat(encoded.ids()).hasSize(512).containsOnly(Vocabulary.PAD_ID);
		assertThat(encoded.tokens()).isEmpty();
		assertThat(encoded.truncated()).isFalse();
		assertThat(ENCODER.encode("[Instrumental]\n♪ ♪ ♪", VOCABULARY).ids()).containsOnly(Vocabulary.PAD_ID);
	}

	@Test
	void keepsTheFirstMaxLengthTokensAndFlagsTruncation() {
		LyricsEncoder shortEncoder = new LyricsEncoder(new LyricsSpec("test-4", 4, 20_000, true, true));
		EncodedLyrics encoded = shortEncoder.encode("다시 함께 이제 사랑 눈물 tonight", VOCABULARY);
		assertThat(encoded.truncated()).isTrue();
		assertThat(encoded.ids()).hasSize(4);
		assertThat(encoded.tokens()).extracting(EncodedToken::key).containsExactly("다시", "함께", "이제", "사랑");
	}

	@Test
	void doesNotFlagASongThatFillsMaxLengthExactly() {
		LyricsEncoder shortEncoder = new LyricsEncoder(new LyricsSpec("test-4", 4, 20_000, true, true));
		EncodedLyrics encoded = shortEncoder.encode("다시 함께 이제 사랑", VOCABULARY);
		assertThat(encoded.truncated()).isFalse();
		assertThat(encoded.ids()).doesNotContain(Vocabulary.PAD_ID);
	}

	@Test
	void refusesControlCharactersAsNotText() {
		assertThatThrownBy(() -> ENCODER.encode("PK\u0003\u0004binary", VOCABULARY))
			.isInstanceOfSatisfying(LyricsRejectedException.class,
					ex -> assertThat(ex.reason()).isEqualTo(LyricsRejectedException.Reason.NOT_TEXT));
	}

	@Test
	void refusesLyricsLongerThanTheSpecAllows() {
		LyricsEncoder strict = new LyricsEncoder(new LyricsSpec("test-short", 512, 100, true, true));
		assertThatThrownBy(() -> strict.encode("사랑 ".repeat(51), VOCABULARY))
			.isInstanceOfSatisfying(LyricsRejectedException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(LyricsRejectedException.Reason.TOO_LONG);
				assertThat(ex.getMessage()).contains("100");
			});
	}

	@Test
	void givesTheTrainerTheSameKeysTheServerEncodes() {
		String song = SONGS.get(2);
		assertThat(ENCODER.encode(song, VOCABULARY).tokens()).extracting(EncodedToken::key)
			.isEqualTo(ENCODER.keys(song));
	}

	@Test
	void encodingsOfTheSameLyricsAreEqual() {
		assertThat(ENCODER.encode(SONGS.get(0), VOCABULARY)).isEqualTo(ENCODER.encode(SONGS.get(0), VOCABULARY))
			.hasSameHashCodeAs(ENCODER.encode(SONGS.get(0), VOCABULARY));
	}

	@Test
	void cannotBeChangedThroughItsIds() {
		EncodedLyrics encoded = ENCODER.encode(SONGS.get(0), VOCABULARY);
		encoded.ids()[0] = 999;
		assertThat(encoded.ids()[0]).isNotEqualTo(999);
	}

	@Test
	void encodesConcurrentlyFromEightThreadsAsItDoesSequentially() throws Exception {
		List<String> songs = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			songs.add(SONGS.get(i % SONGS.size()) + "\n" + SONGS.get((i * 7 + 3) % SONGS.size()));
		}
		List<EncodedLyrics> sequential = songs.stream().map(song -> ENCODER.encode(song, VOCABULARY)).toList();

		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<EncodedLyrics>>> results = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int offset = thread;
				Callable<List<EncodedLyrics>> task = () -> {
					start.await();
					List<EncodedLyrics> encoded = new ArrayList<>();
					for (int round = 0; round < 5; round++) {
						for (int i = 0; i < songs.size(); i++) {
							// Each thread walks the songs from a different place so different lyrics overlap in time.
							encoded.add(ENCODER.encode(songs.get((i + offset) % songs.size()), VOCABULARY));
						}
					}
					return encoded;
				};
				results.add(pool.submit(task));
			}
			start.countDown();
			for (int thread = 0; thread < 8; thread++) {
				List<EncodedLyrics> encoded = results.get(thread).get(60, TimeUnit.SECONDS);
				for (int j = 0; j < encoded.size(); j++) {
					assertThat(encoded.get(j)).isEqualTo(sequential.get((j % songs.size() + thread) % songs.size()));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
