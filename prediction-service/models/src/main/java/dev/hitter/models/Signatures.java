package dev.hitter.models;

/**
 * The serving signature every exported SavedModel has (tag {@code serve}, key {@code serving_default}): the
 * names the trainer exports and the server feeds. Changing one is a new model format, not a refactoring.
 *
 * <p>Audio: input {@value #AUDIO_INPUT} float32 {@code [batch, frames, bands]} (time-major log-mel, 1,876 × 48 for
 * melon-v1); outputs {@value #LOGIT} {@code [batch, 1]}, {@value #PROBABILITY} {@code [batch, 1]} (sigmoid of the
 * logit, before calibration) and {@value #AUDIO_CONTRIBUTIONS} {@code [batch, positions]}: each time position's
 * share of the logit (class activation map), so that their sum plus the output bias is the logit.
 *
 * <p>Lyrics: input {@value #LYRICS_INPUT} int32 {@code [batch, maxLength]} (ids, 0 = padding); outputs
 * {@value #LOGIT}, {@value #PROBABILITY} and {@value #LYRICS_CONTRIBUTIONS} {@code [batch, maxLength]}: each token
 * position's share of the logit (zero for padding).
 */
public final class Signatures {

	public static final String TAG = "serve";

	public static final String KEY = "serving_default";

	public static final String AUDIO_INPUT = "mel";

	public static final String LYRICS_INPUT = "tokens";

	public static final String LOGIT = "logit";

	public static final String PROBABILITY = "prob";

	public static final String AUDIO_CONTRIBUTIONS = "time_contributions";

	public static final String LYRICS_CONTRIBUTIONS = "token_contributions";

	private Signatures() {
	}
}
