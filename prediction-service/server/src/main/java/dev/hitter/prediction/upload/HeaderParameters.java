package dev.hitter.prediction.upload;

import java.util.Locale;

/** Parameters of a header value such as {@code form-data; name="audio"; filename="첫사랑.mp3"} (RFC 7578). */
final class HeaderParameters {

	private HeaderParameters() {
	}

	/** The parameter's value, unquoted and unescaped, or null when absent. */
	static String parameter(String header, String wanted) {
		int i = header.indexOf(';');
		while (i >= 0 && i < header.length()) {
			i++;
			while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
				i++;
			}
			int equals = header.indexOf('=', i);
			if (equals < 0) {
				return null;
			}
			String name = header.substring(i, equals).strip().toLowerCase(Locale.ROOT);
			StringBuilder value = new StringBuilder();
			int j = equals + 1;
			if (j < header.length() && header.charAt(j) == '"') {
				j++;
				while (j < header.length() && header.charAt(j) != '"') {
					char c = header.charAt(j);
					if (c == '\\' && j + 1 < header.length()) {
						c = header.charAt(++j);
					}
					value.append(c);
					j++;
				}
				j = header.indexOf(';', j);
			}
			else {
				int end = header.indexOf(';', j);
				value.append(header, j, end < 0 ? header.length() : end);
				j = end;
			}
			if (name.equals(wanted)) {
				return value.toString().strip();
			}
			i = j;
		}
		return null;
	}
}
