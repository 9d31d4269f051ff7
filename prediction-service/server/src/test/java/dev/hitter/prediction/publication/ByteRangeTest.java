package dev.hitter.prediction.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 ranges over a 1000-byte file. */
class ByteRangeTest {

	private static final String ETAG = "\"abc\"";

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "bytes=0-99|0|99", "bytes=500-|500|999", "bytes=-1|999|999",
			"bytes=-5000|0|999", "bytes=990-5000|990|999", "BYTES=1-1 |1|1", "bytes=999-999|999|999",
			"bytes=0-99999999999999999999999|0|999" })
	void answersOneSatisfiableRangeAsAPart(String header, long first, long last) {
		assertThat(ByteRange.parse(header, null, ETAG, 1000))
			.isEqualTo(new ByteRange(ByteRange.Kind.PART, first, last));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=99999999999999999999-" })
	void refusesARangeThatStartsPastTheEnd(String header) {
		assertThat(ByteRange.parse(header, null, ETAG, 1000).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "bytes=", "bytes=-", "bytes=abc", "bytes=5-3", "bytes=0-1,5-6", "bytes=0-0,-1",
			"items=0-9", "bytes=+1-2", "bytes=1--2", "bytes=--5", "bytes=0x10-20", "bytes=1 0-20", "bytes", "bytes = 1-1",
			"bytes=٣-٤" })
	void answersTheWholeFileForWhatItIgnores(String header) {
		assertThat(ByteRange.parse(header, null, ETAG, 1000))
			.isEqualTo(new ByteRange(ByteRange.Kind.WHOLE, 0, 999));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"abc\"|PART", "\"other\"|WHOLE", "Mon, 07 Dec 2026 10:00:00 GMT|WHOLE" })
	void honoursAnIfRangeOnlyWhileTheFileIsTheSame(String ifRange, ByteRange.Kind kind) {
		assertThat(ByteRange.parse("bytes=0-9", ifRange, ETAG, 1000).kind()).isEqualTo(kind);
	}

	@org.junit.jupiter.api.Test
	void hasNoRangeWithoutAHeader() {
		assertThat(ByteRange.parse(null, null, ETAG, 1000).kind()).isEqualTo(ByteRange.Kind.WHOLE);
		assertThat(ByteRange.parse("bytes=0-9", null, ETAG, 1000).length()).isEqualTo(10);
	}
}
