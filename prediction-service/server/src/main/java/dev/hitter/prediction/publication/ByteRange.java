package dev.hitter.prediction.publication;

/**
 * What to answer a {@code Range} header with (RFC 9110 §14): the whole file (no header, another unit, a header that
 * does not parse, several ranges, or an {@code If-Range} that no longer matches — a server may ignore a range, and
 * answering several as one multipart body would let one request ask for the same bytes many times over), one range
 * of it, or 416 when the range starts past its end.
 */
record ByteRange(Kind kind, long first, long last) {

	enum Kind {
		WHOLE, PART, UNSATISFIABLE
	}

	static ByteRange parse(String header, String ifRange, String etag, long size) {
		ByteRange whole = new ByteRange(Kind.WHOLE, 0, size - 1);
		if (header == null || ifRange != null && !ifRange.strip().equals(etag)) {
			return whole;
		}
		String value = header.strip();
		if (value.length() < 6 || !value.substring(0, 6).equalsIgnoreCase("bytes=")) {
			return whole;
		}
		String spec = value.substring(6).strip();
		int dash = spec.indexOf('-');
		if (spec.indexOf(',') >= 0 || dash < 0) {
			return whole;
		}
		String from = spec.substring(0, dash).strip();
		String to = spec.substring(dash + 1).strip();
		if (from.isEmpty()) {
			// A suffix: the last n bytes.
			long n = number(to);
			if (n < 0) {
				return whole;
			}
			return n == 0 ? unsatisfiable(size) : new ByteRange(Kind.PART, Math.max(0, size - n), size - 1);
		}
		long first = number(from);
		long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
		if (first < 0 || last < 0 || last < first) {
			return whole;
		}
		return first >= size ? unsatisfiable(size) : new ByteRange(Kind.PART, first, Math.min(last, size - 1));
	}

	long length() {
		return last - first + 1;
	}

	private static ByteRange unsatisfiable(long size) {
		return new ByteRange(Kind.UNSATISFIABLE, 0, size - 1);
	}

	/** Digits only (no sign, no spaces inside); past {@code long} it is as good as infinite. -1: not a number. */
	private static long number(String digits) {
		if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return -1;
		}
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}
}
