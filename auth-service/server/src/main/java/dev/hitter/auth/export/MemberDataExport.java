package dev.hitter.auth.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberKind;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.session.MemberSessions;
import dev.hitter.auth.session.SessionInfo;
import dev.hitter.auth.twofactor.TwoFactorSettings;
import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import feign.FeignException;
import feign.Response;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import tools.jackson.databind.ObjectMapper;

/**
 * "Download my data": one zip of what auth-service holds (profile.json) and what the other services hold
 * (predictions.json, community.json, from their internal export endpoints). The other services' parts are fetched to
 * temporary files first: when one is down, the member gets 503 before a single byte, never an archive that looks
 * whole and is not.
 */
@Service
public class MemberDataExport {

	private static final Logger log = LoggerFactory.getLogger(MemberDataExport.class);

	private static final String README = """
			Your data at HITTER, as of the time in profile.json ("exportedAt").

			profile.json      your account: e-mail, name, kind, affiliation, bio, when it was created, whether
			                  two-factor sign-in is on, and your sessions (device, when started and last used)
			predictions.json  your analyses with their whole results, your likes and your batch jobs
			community.json    your posts, comments and likes in the community

			Passwords, two-factor secrets and recovery codes are never exported (only their hashes are kept).
			""";

	private final MemberRepository members;

	private final MemberSessions sessions;

	private final TwoFactorSettings twoFactor;

	private final MemberExportClients.Prediction prediction;

	private final MemberExportClients.Community community;

	private final ServiceTokens tokens;

	private final ObjectMapper json;

	private final Clock clock;

	// Like the outbox's: a service that keeps failing is not called for a while; the member is told at once.
	private final CircuitBreaker predictionCircuit = circuit("export-prediction-service");

	private final CircuitBreaker communityCircuit = circuit("export-community-service");

	MemberDataExport(MemberRepository members, MemberSessions sessions, TwoFactorSettings twoFactor,
			MemberExportClients.Prediction prediction, MemberExportClients.Community community, ServiceTokens tokens,
			ObjectMapper json, Clock clock) {
		this.members = members;
		this.sessions = sessions;
		this.twoFactor = twoFactor;
		this.prediction = prediction;
		this.community = community;
		this.tokens = tokens;
		this.json = json;
		this.clock = clock;
	}

	/** Everything gathered, not yet written: {@link Archive#writeTo} streams the zip; {@code close} cleans up. */
	public Archive gather(UUID memberId, UUID currentSession) {
		MemberAccount account = members.findById(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists."));
		Profile profile = new Profile(account.id(), account.email(), account.emailVerified(), account.displayName(),
				account.kind(), account.affiliation(), account.bio(), account.createdAt(),
				twoFactor.status(memberId).enabled(), sessions.list(memberId, currentSession), clock.instant());
		Path predictions = fetch("prediction-service", predictionCircuit, () -> prediction.export(memberId));
		try {
			Path posts = fetch("community-service", communityCircuit, () -> community.export(memberId));
			return new Archive(json.writeValueAsBytes(profile), predictions, posts);
		}
		catch (RuntimeException ex) {
			deleteQuietly(predictions);
			throw ex;
		}
	}

	private Path fetch(String service, CircuitBreaker circuit, Supplier<Response> call) {
		Path file = null;
		try {
			file = Files.createTempFile("hitter-export-", ".json");
			Path target = file;
			circuit.executeCallable(() -> {
				try (Response response = call.get()) {
					if (response.status() == 401 || response.status() == 403) {
						tokens.forget();
					}
					if (response.status() != 200 || response.body() == null) {
						throw new IOException(service + " answered " + response.status());
					}
					try (InputStream body = response.body().asInputStream()) {
						Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				return null;
			});
			return file;
		}
		catch (CallNotPermittedException | FeignException | IOException ex) {
			deleteQuietly(file);
			log.warn("Export: {} unavailable ({})", service, ex.toString());
			throw new ApiException(AuthProblems.DEPENDENCY_UNAVAILABLE,
					"Your data could not be gathered: " + service + " is unavailable. Nothing was sent; try again later.");
		}
		catch (Exception ex) {
			deleteQuietly(file);
			throw new IllegalStateException(ex);
		}
	}

	private static CircuitBreaker circuit(String name) {
		return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.build());
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// A temporary file the JVM's owner can clean up; it holds one member's data, never logged.
			}
		}
	}

	/** What profile.json holds. */
	record Profile(UUID id, String email, boolean emailVerified, String displayName, MemberKind kind,
			String affiliation, String bio, Instant createdAt, boolean twoFactorEnabled, List<SessionInfo> sessions,
			Instant exportedAt) {
	}

	/** A gathered archive; the temporary files go when it is closed. */
	public static final class Archive implements AutoCloseable {

		private final byte[] profile;

		private final Path predictions;

		private final Path community;

		Archive(byte[] profile, Path predictions, Path community) {
			this.profile = profile;
			this.predictions = predictions;
			this.community = community;
		}

		public void writeTo(OutputStream out) throws IOException {
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				entry(zip, "README.txt", README.getBytes(StandardCharsets.UTF_8));
				entry(zip, "profile.json", profile);
				zip.putNextEntry(new ZipEntry("predictions.json"));
				Files.copy(predictions, zip);
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry("community.json"));
				Files.copy(community, zip);
				zip.closeEntry();
			}
		}

		private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}

		@Override
		public void close() {
			deleteQuietly(predictions);
			deleteQuietly(community);
		}
	}
}
