package dev.hitter.auth.session;

/** What the password step of a sign-in answers: the tokens, or a request for the second factor. */
public sealed interface SignInAnswer permits TokenPair, TwoFactorRequired {
}
