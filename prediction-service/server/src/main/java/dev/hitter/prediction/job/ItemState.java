package dev.hitter.prediction.job;

/** Where one track of a job is; SUCCEEDED and FAILED are final. */
public enum ItemState {
	QUEUED, RUNNING, SUCCEEDED, FAILED;

	boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}
}
