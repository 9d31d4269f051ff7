package dev.hitter.community;

import org.springframework.http.HttpStatus;

import dev.hitter.kit.problem.ProblemType;

/** Problem types only community-service answers with (docs/problems.md lists every type). */
public final class CommunityProblems {

	/**
	 * A neighbour service this request needs (prediction-service, for an analysis snapshot) did not answer in time, or
	 * its circuit breaker is open; nothing was written. {@code Retry-After} says when to try again.
	 */
	public static final ProblemType DEPENDENCY_UNAVAILABLE = new ProblemType("dependency-unavailable",
			"A service this request needs is unavailable; retry later", HttpStatus.SERVICE_UNAVAILABLE);

	private CommunityProblems() {
	}
}
