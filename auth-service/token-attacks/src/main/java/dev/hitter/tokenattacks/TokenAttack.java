package dev.hitter.tokenattacks;

/**
 * One hostile access token and what is wrong with it; every service must answer it with 401.
 *
 * @param name what the attacker tried, e.g. {@code wrong-audience} (shown as the test's name)
 * @param token the compact JWT as it would arrive in {@code Authorization: Bearer …}
 */
public record TokenAttack(String name, String token) {

	@Override
	public String toString() {
		return name;
	}
}
