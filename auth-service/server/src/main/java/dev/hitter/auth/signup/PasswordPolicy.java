package dev.hitter.auth.signup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rule, in the spirit of NIST SP 800-63B: length matters most, so ask for a long password,
 * a little variety, and refuse the passwords every attacker tries first.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	public static final String RULE = "must be " + MIN_LENGTH + "–" + MAX_LENGTH
			+ " characters with at least one letter and one digit or symbol, and must not be a common password"
			+ " or contain your email";

	private final Set<String> commonPasswords;

	public PasswordPolicy() {
		this.commonPasswords = loadCommonPasswords();
	}

	/** Why the password is refused, or empty when it is acceptable. */
	public Optional<String> check(String password, String email) {
		if (password == null) {
			return Optional.of(RULE);
		}
		int length = password.codePointCount(0, password.length());
		boolean hasLetter = password.codePoints().anyMatch(Character::isLetter);
		boolean hasOther = password.codePoints().anyMatch(c -> !Character.isLetter(c) && !Character.isWhitespace(c));
		String lower = password.toLowerCase(Locale.ROOT);
		String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
		boolean containsEmail = localPart.length() >= 4 && lower.contains(localPart);
		if (length < MIN_LENGTH || length > MAX_LENGTH || !hasLetter || !hasOther || containsEmail
				|| commonPasswords.contains(lower)) {
			return Optional.of(RULE);
		}
		return Optional.empty();
	}

	private static Set<String> loadCommonPasswords() {
		ClassPathResource resource = new ClassPathResource("common-passwords.txt");
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::trim)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the common-password list", ex);
		}
	}
}
