package dev.hitter.prediction.analysis;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How track analyses are admitted and where their uploads wait.
 *
 * @param maxUploadSize the largest audio file accepted (413 above it); also sets the servlet's multipart limits
 * @param maxConcurrentAnalyses analyses running at once; 0: one per core
 * @param maxConcurrentAnalysesPerMember one member's single analyses running at once on this replica, from before
 *     the upload is read until the answer; 0: half the analysis slots, at least one. One member cannot take every
 *     slot, so the others still get theirs
 * @param admissionWait how long a request waits for a free analysis slot before it is refused with 503
 * @param retryAfter what {@code Retry-After} tells a refused client
 * @param uploadFolder where an upload lives while it is analysed; empty: {@code ${java.io.tmpdir}/hitter-uploads},
 *     created readable by this user only
 */
@Validated
@ConfigurationProperties("hitter.prediction")
public record AnalysisProperties(@NotNull @DefaultValue("60MB") DataSize maxUploadSize,
		@PositiveOrZero @DefaultValue("0") int maxConcurrentAnalyses,
		@PositiveOrZero @DefaultValue("0") int maxConcurrentAnalysesPerMember,
		@NotNull @DefaultValue("2s") Duration admissionWait, @NotNull @DefaultValue("10s") Duration retryAfter,
		Path uploadFolder) {

	public int analysisSlots() {
		return maxConcurrentAnalyses > 0 ? maxConcurrentAnalyses : Runtime.getRuntime().availableProcessors();
	}

	public int analysesPerMember() {
		return maxConcurrentAnalysesPerMember > 0 ? maxConcurrentAnalysesPerMember
				: Math.max(1, analysisSlots() / 2);
	}

	Path uploadFolderOrDefault() {
		return uploadFolder != null ? uploadFolder : Path.of(System.getProperty("java.io.tmpdir"), "hitter-uploads");
	}
}
