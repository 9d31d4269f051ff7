package dev.hitter.auth.member;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a member does in music; shown on their profile and posts. */
public enum MemberKind {

	ARTIST, PRODUCER, LABEL, OTHER;

	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<MemberKind> fromApiName(String value) {
		return Arrays.stream(values()).filter(k -> k.apiName().equalsIgnoreCase(value)).findFirst();
	}
}
