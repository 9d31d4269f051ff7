package dev.hitter.prediction.analysis;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import dev.hitter.prediction.job.JobProperties;

/** The upload folder and the servlet's multipart limits, from {@link AnalysisProperties} and {@link JobProperties}. */
@Configuration(proxyBeanMethods = false)
class AnalysisConfiguration {

	/** Room for the form's other parts (lyrics, title, artist) beside the audio. */
	private static final DataSize FORM_ALLOWANCE = DataSize.ofMegabytes(1);

	@Bean
	UploadFolder uploadFolder(AnalysisProperties properties) {
		return new UploadFolder(properties.uploadFolderOrDefault());
	}

	/**
	 * Replaces Boot's multipart settings so that one property governs the limit, and so that parts the container
	 * spills to disk land in the private upload folder (Spring deletes them when the request ends).
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(AnalysisProperties properties, JobProperties jobs,
			UploadFolder uploads) {
		long maxFile = properties.maxUploadSize().toBytes();
		// A batch job's submission carries many files: the request may be larger than any one of them.
		long maxRequest = Math.max(maxFile + FORM_ALLOWANCE.toBytes(), jobs.maxRequestSize().toBytes());
		return new MultipartConfigElement(uploads.path().toString(), maxFile, maxRequest,
				(int) DataSize.ofMegabytes(1).toBytes());
	}
}
