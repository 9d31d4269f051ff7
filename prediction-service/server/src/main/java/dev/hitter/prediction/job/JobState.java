package dev.hitter.prediction.job;

/** Where a job is: RUNNING while any item waits or runs, then COMPLETED (whatever each item's outcome). */
public enum JobState {
	RUNNING, COMPLETED
}
