package dev.hitter.gateway.system;

import static dev.hitter.gateway.system.HostileKind.ACCOUNT;
import static dev.hitter.gateway.system.HostileKind.AUDIO_HEADER;
import static dev.hitter.gateway.system.HostileKind.COMMUNITY;
import static dev.hitter.gateway.system.HostileKind.FORGED_TOKEN;
import static dev.hitter.gateway.system.HostileKind.LYRICS;
import static dev.hitter.gateway.system.HostileKind.MAIL;
import static dev.hitter.gateway.system.HostileKind.MALFORMED_JSON;
import static dev.hitter.gateway.system.HostileKind.MANIFEST;
import static dev.hitter.gateway.system.HostileKind.MULTIPART;
import static dev.hitter.gateway.system.HostileKind.OTHER_MEMBER;
import static dev.hitter.gateway.system.HostileKind.PAGING;
import static dev.hitter.gateway.system.HostileKind.PARTNER;
import static dev.hitter.gateway.system.HostileKind.PUBLICATION;
import static dev.hitter.gateway.system.HostileKind.SSRF_WEBHOOK;
import static dev.hitter.gateway.system.HostileKind.TRACE_CONTEXT;
import static dev.hitter.gateway.system.HostileKind.UNKNOWN_ROUTE;
import static dev.hitter.gateway.system.HostileKind.UPLOAD;
import static dev.hitter.gateway.system.HostileKind.WEB_APP;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.hitter.gateway.system.Probe.Due;

/**
 * The hostile requests of one round, kind by kind, as an attacker holding two member accounts would send them. A
 * round varies its random parts by its seed; more rounds send more of every kind.
 */
final class HostileCampaign {

	static final String PREDICTIONS = "/api/v1/predictions";

	static final String JOBS = "/api/v1/prediction-jobs";

	static final String POSTS = "/api/v1/community/posts";

	private static final String JSON = "application/json";

	/** One byte past the prediction service's default upload limit (60 MB). */
	private static final long OVER_UPLOAD_LIMIT = 60L * 1024 * 1024 + 1;

	/** What the campaign knows of the world: the attacker (a), the victim (b) and the victim's resources. */
	record Targets(int gatewayPort, Supplier<String> attacker, Supplier<String> victim, String attackerPrediction,
			String victimPrediction, String victimJob, String expiredToken, String jwksJson, String victimPublished, String victimPost,
			MailLinks mailLinks, PartnerClients partner) {
	}

	/**
	 * Partner API clients of the run: the attacker's read-only client, the attacker's full client with the secret it
	 * had before a rotation, and the victim's client (only its id is known to the attacker).
	 */
	record PartnerClients(String readClientId, String readSecret, Supplier<String> readToken, String fullClientId,
			String rotatedAwaySecret, String victimClientId) {
	}

	static final String TOKEN_ENDPOINT = "/api/v1/auth/oauth2/token";

	static final String PARTNER_CLIENTS = "/api/v1/auth/partner-clients";

	/** Real mailed links of the run: spent ones, and one made for the victim. */
	record MailLinks(String spentVerification, String spentReset, String victimsEmailChange, String victimEmail) {
	}

	private final Targets targets;

	private final Random random;

	private final List<Probe> probes = new ArrayList<>();

	private final byte[] song = WavMaker.chords(12);

	HostileCampaign(Targets targets, long seed) {
		this.targets = targets;
		this.random = new Random(seed);
	}

	List<Probe> round() throws Exception {
		uploads();
		audioHeaders();
		multipart();
		lyrics();
		manifests();
		malformedJson();
		forgedTokens();
		otherMembers();
		ssrfWebhooks();
		paging();
		unknownRoutes();
		traceContext();
		webApp();
		publications();
		community();
		account();
		mail();
		partner();
		return probes;
	}

	// --- malformed and oversized uploads -------------------------------------------------------------------------

	private void uploads() {
		upload("no audio part", new Multipart().field("genre", "POP"));
		upload("no genre", new Multipart().file("audio", "a.wav", "audio/wav", song)).slow();
		upload("unknown genre", new Multipart().field("genre", "POLKA' OR 1=1 --").file("audio", "a.wav", "audio/wav", song));
		upload("empty audio", new Multipart().field("genre", "POP").file("audio", "empty.mp3", "audio/mpeg", new byte[0]));
		upload("one byte", new Multipart().field("genre", "POP").file("audio", "one.mp3", "audio/mpeg", new byte[] { 0x49 }));
		upload("text named .mp3", new Multipart().field("genre", "POP")
			.file("audio", "song.mp3", "audio/mpeg", "this is no audio at all\n".repeat(500).getBytes(StandardCharsets.UTF_8)));
		upload("random bytes", new Multipart().field("genre", "DANCE").file("audio", "noise.wav", "audio/wav", randomBytes(200_000)));
		upload("PNG named .wav", new Multipart().field("genre", "POP").file("audio", "cover.wav", "audio/wav", png()));
		upload("ELF binary named .flac", new Multipart().field("genre", "POP")
			.file("audio", "a.flac", "audio/flac", concat(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1 }, randomBytes(4096))));
		upload("audio given twice", new Multipart().field("genre", "POP")
			.file("audio", "a.mp3", "audio/mpeg", randomBytes(1000))
			.file("audio", "b.mp3", "audio/mpeg", randomBytes(1000)));
		upload("audio as a text field", new Multipart().field("genre", "POP").field("audio", "RIFF....WAVE"));
		upload("title of 201 characters", new Multipart().field("genre", "POP").field("title", "t".repeat(201))
			.file("audio", "a.wav", "audio/wav", randomBytes(100)));
		upload("artist of 1 MB + 1", new Multipart().field("genre", "POP").field("artist", "a".repeat(1024 * 1024 + 1))
			.file("audio", "a.wav", "audio/wav", randomBytes(100)));
		upload("lyrics both as text and as a file", new Multipart().field("genre", "POP").field("lyrics", "la la")
			.file("lyricsFile", "l.txt", "text/plain", "la".getBytes(StandardCharsets.UTF_8))
			.file("audio", "a.wav", "audio/wav", song));
		upload("lyrics file named .exe", new Multipart().field("genre", "POP")
			.file("lyricsFile", "l.exe", "application/octet-stream", randomBytes(500))
			.file("audio", "a.wav", "audio/wav", randomBytes(100)));
		upload("file name with a path and control characters", new Multipart().field("genre", "POP")
			.file("audio", "../../../../etc/cron.d/x\u0001\u0007.wav", "audio/wav", randomBytes(300)));
		upload("file name of 300 characters", new Multipart().field("genre", "POP")
			.file("audio", "n".repeat(296) + ".wav", "audio/wav", randomBytes(300)));
		probes.add(Probe.of(UPLOAD, "JSON instead of a form", "POST", PREDICTIONS).as(targets.attacker())
			.body(JSON, "{\"genre\":\"POP\",\"audio\":\"UklGRg==\"}".getBytes(StandardCharsets.UTF_8)));
		probes.add(Probe.of(UPLOAD, "audio past the upload limit (60 MB + 1)", "POST", PREDICTIONS)
			.as(targets.attacker())
			.body(multipartType("big"), oversized("big", "audio", "big.wav", "POP"))
			.due(Due.REFUSED)
			.slow());
		job(UPLOAD, "batch file past the upload limit (60 MB + 1)", Due.REFUSED, null)
			.body(multipartType("big"), oversized("big", "files", "big.wav", "POP"))
			.slow();
		job(UPLOAD, "batch file name of 300 characters", Due.REFUSED,
				new Multipart().field("genre", "POP").file("files", "n".repeat(296) + ".wav", "audio/wav", randomBytes(300)));
		job(UPLOAD, "batch files with the same name", Due.REFUSED, new Multipart().field("genre", "POP")
			.file("files", "a.wav", "audio/wav", randomBytes(300))
			.file("files", "a.wav", "audio/wav", randomBytes(300)));
		job(UPLOAD, "batch without files", Due.REFUSED, new Multipart().field("genre", "POP"));
		job(UPLOAD, "batch with a nameless file", Due.REFUSED,
				new Multipart().field("genre", "POP").file("files", "", "audio/wav", randomBytes(300)));
		job(UPLOAD, "batch Idempotency-Key of 201 characters", Due.REFUSED,
				new Multipart().field("genre", "POP").file("files", "a.wav", "audio/wav", randomBytes(300)))
			.header("Idempotency-Key", "k".repeat(201));
	}

	private Probe upload(String what, Multipart form) {
		Probe probe = Probe.of(UPLOAD, what, "POST", PREDICTIONS).as(targets.attacker()).multipart(form);
		probes.add(probe);
		return probe;
	}

	private Probe job(HostileKind kind, String what, Due due, Multipart form) {
		Probe probe = Probe.of(kind, what, "POST", JOBS).as(targets.attacker()).due(due);
		if (form != null) {
			probe.multipart(form);
		}
		probes.add(probe);
		return probe;
	}

	// --- crafted WAV and MP3 headers -----------------------------------------------------------------------------

	private void audioHeaders() throws Exception {
		byte[] pcm = WavMaker.pcm(20);
		byte[] whole = WavMaker.withHeader(pcm, new WavMaker.Header(1, WavMaker.RATE, 16, pcm.length));
		audio("WAV cut to 60 % of its declared length", WavMaker.cut(whole, 0.60), Due.REFUSED_OR_SAID_TRUNCATED).slow();
		audio("WAV cut to 95 % of its declared length", WavMaker.cut(whole, 0.95), Due.REFUSED_OR_SAID_TRUNCATED).slow();
		audio("WAV declaring 100 MB of data over 20 s of samples",
				WavMaker.withHeader(pcm, new WavMaker.Header(1, WavMaker.RATE, 16, 100L * 1024 * 1024)),
				Due.REFUSED_OR_SAID_TRUNCATED).slow();
		audio("WAV declaring 4 GB of data", WavMaker.withHeader(pcm, new WavMaker.Header(1, WavMaker.RATE, 16, 0xFFFF_FFFEL)),
				Due.REFUSED_OR_SAID_TRUNCATED).slow();
		for (int channels : new int[] { 0, 255, 1024, 65_535 }) {
			audio("WAV with " + channels + " channels", WavMaker.withHeader(pcm,
					new WavMaker.Header(channels, WavMaker.RATE, 16, pcm.length)), Due.REFUSED).slow();
		}
		for (int rate : new int[] { 0, 1, 2_000_000_000, -1 }) {
			audio("WAV at " + Integer.toUnsignedString(rate) + " Hz", WavMaker.withHeader(pcm,
					new WavMaker.Header(1, rate, 16, pcm.length)), Due.REFUSED).slow();
		}
		for (int bits : new int[] { 0, 65_535 }) {
			audio("WAV of " + bits + "-bit samples", WavMaker.withHeader(pcm,
					new WavMaker.Header(1, WavMaker.RATE, bits, pcm.length)), Due.REFUSED).slow();
		}
		// 7 bits in an 8-bit container is valid PCM (the format rounds up): the file decodes, as noise.
		audio("WAV of 7-bit samples", WavMaker.withHeader(pcm, new WavMaker.Header(1, WavMaker.RATE, 7, pcm.length)),
				Due.ANY).slow();
		audio("WAV header only", WavMaker.withHeader(new byte[0], new WavMaker.Header(2, 44_100, 16, 10_000_000)), Due.REFUSED);
		byte[] id3 = concat(new byte[] { 'I', 'D', '3', 4, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f }, randomBytes(20_000));
		audio("MP3 whose ID3 tag claims 256 MB", id3, Due.REFUSED);
		ByteArrayOutputStream badFrames = new ByteArrayOutputStream();
		for (int i = 0; i < 2_000; i++) {
			badFrames.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFB, (byte) 0xF0, 0x00 }); // bitrate index 15: invalid
			badFrames.writeBytes(randomBytes(100));
		}
		audio("MP3 of frames with an invalid bitrate", badFrames.toByteArray(), Due.REFUSED);
		java.nio.file.Path encoded = Mp3Maker.chordsAndBeat(java.nio.file.Files.createTempFile("hostile-", ".mp3"), 20);
		byte[] mp3 = java.nio.file.Files.readAllBytes(encoded);
		java.nio.file.Files.delete(encoded);
		audio("MP3 cut to 60 %", WavMaker.cut(mp3, 0.60), Due.REFUSED_OR_SAID_TRUNCATED).slow();
		byte[] scrambled = mp3.clone();
		for (int i = 2_000; i < scrambled.length; i += 97) {
			scrambled[i] = (byte) random.nextInt();
		}
		audio("MP3 with every 97th byte scrambled", scrambled, Due.ANY).slow();
	}

	private Probe audio(String what, byte[] file, Due due) {
		String name = what.startsWith("MP3") ? "track.mp3" : "track.wav";
		Probe probe = Probe.of(AUDIO_HEADER, what, "POST", PREDICTIONS).as(targets.attacker())
			.multipart(new Multipart().field("genre", "BALLAD")
				.file("audio", name, name.endsWith("mp3") ? "audio/mpeg" : "audio/wav", file))
			.due(due);
		probes.add(probe);
		return probe;
	}

	// --- broken multipart ----------------------------------------------------------------------------------------

	private void multipart() {
		for (String route : List.of(PREDICTIONS, JOBS)) {
			String field = route.equals(JOBS) ? "files" : "audio";
			String part = "--b1\r\nContent-Disposition: form-data; name=\"genre\"\r\n\r\nPOP\r\n"
					+ "--b1\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"a.wav\"\r\n"
					+ "Content-Type: audio/wav\r\n\r\nRIFF0000WAVE";
			raw(route, "no closing boundary", "multipart/form-data; boundary=b1", part + "\r\n");
			raw(route, "no boundary parameter", "multipart/form-data", part + "\r\n--b1--\r\n");
			raw(route, "empty boundary parameter", "multipart/form-data; boundary=\"\"", part + "\r\n--b1--\r\n");
			raw(route, "a boundary the body never uses", "multipart/form-data; boundary=elsewhere", part + "\r\n--b1--\r\n");
			raw(route, "boundary of 300 characters", "multipart/form-data; boundary=" + "b".repeat(300),
					"--" + "b".repeat(300) + "\r\nContent-Disposition: form-data; name=\"genre\"\r\n\r\nPOP\r\n--"
							+ "b".repeat(300) + "--\r\n");
			raw(route, "empty body", "multipart/form-data; boundary=b1", "");
			raw(route, "only the closing boundary", "multipart/form-data; boundary=b1", "--b1--\r\n");
			raw(route, "part without a header end", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Disposition: form-data; name=\"genre\"POP--b1--");
			raw(route, "part header of 100 KB", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Disposition: form-data; name=\"genre\"\r\nX-Filler: " + "x".repeat(100_000)
							+ "\r\n\r\nPOP\r\n--b1--\r\n");
			raw(route, "10,000 part headers", "multipart/form-data; boundary=b1",
					"--b1\r\n" + "X-H: 1\r\n".repeat(10_000) + "Content-Disposition: form-data; name=\"genre\"\r\n\r\nPOP\r\n--b1--\r\n");
			raw(route, "part without Content-Disposition", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n--b1--\r\n");
			raw(route, "Content-Disposition without a name", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Disposition: form-data; filename=\"a.wav\"\r\n\r\nRIFF\r\n--b1--\r\n");
			raw(route, "Content-Disposition that is not form-data", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Disposition: attachment; name=\"" + field + "\"; filename=\"a.wav\"\r\n\r\nRIFF\r\n--b1--\r\n");
			raw(route, "unterminated quotes in Content-Disposition", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Disposition: form-data; name=\"" + field + "; filename=\"a.wav\r\n\r\nRIFF\r\n--b1--\r\n");
			raw(route, "filename* in an unknown charset", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Disposition: form-data; name=\"" + field
							+ "\"; filename*=x-unknown''%FF%FE.wav\r\n\r\nRIFF\r\n--b1--\r\n");
			raw(route, "5,000 empty parts", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n".repeat(5_000) + "--b1--\r\n");
			raw(route, "a nested multipart/mixed part", "multipart/form-data; boundary=b1",
					"--b1\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n"
							+ "Content-Type: multipart/mixed; boundary=b2\r\n\r\n--b2\r\nContent-Disposition: file; "
							+ "filename=\"a.wav\"\r\n\r\nRIFF\r\n--b2--\r\n--b1--\r\n");
		}
	}

	private void raw(String route, String what, String contentType, String body) {
		probes.add(Probe.of(MULTIPART, what, "POST", route).as(targets.attacker())
			.body(contentType, body.getBytes(StandardCharsets.UTF_8)));
	}

	// --- pathological lyrics -------------------------------------------------------------------------------------

	private void lyrics() {
		byte[] junk = randomBytes(2_000);
		Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		files.put("32k newlines", "\n".repeat(32_768).getBytes(StandardCharsets.UTF_8));
		files.put("30k lines of an unclosed '['", "[\n".repeat(30_000).getBytes(StandardCharsets.UTF_8));
		files.put("50k-deep '[[[[' nesting", ("[".repeat(50_000) + "]".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
		files.put("32k time tags without text", "[00:00.00]\n".repeat(20_000).getBytes(StandardCharsets.UTF_8));
		files.put("invalid UTF-8", concat("[00:01.00]".getBytes(StandardCharsets.UTF_8),
				new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80 }));
		files.put("UTF-16 with a byte-order mark", concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
				"l\0a\0\n\0".repeat(100).getBytes(StandardCharsets.ISO_8859_1)));
		files.put("256 KB + 1", "a".repeat(256 * 1024 + 1).getBytes(StandardCharsets.UTF_8));
		files.forEach((what, text) -> probes.add(Probe.of(LYRICS, ".lrc: " + what, "POST", PREDICTIONS)
			.as(targets.attacker())
			.multipart(new Multipart().field("genre", "POP")
				.file("lyricsFile", "words.lrc", "text/plain", text)
				.file("audio", "noise.mp3", "audio/mpeg", junk))));
		probes.add(Probe.of(LYRICS, "text field of invalid UTF-8", "POST", PREDICTIONS).as(targets.attacker())
			.body(multipartType("lb"), concat(("--lb\r\nContent-Disposition: form-data; name=\"genre\"\r\n\r\nPOP\r\n"
					+ "--lb\r\nContent-Disposition: form-data; name=\"lyrics\"\r\n\r\n").getBytes(StandardCharsets.UTF_8),
					new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF }, ("\r\n--lb\r\nContent-Disposition: form-data; "
							+ "name=\"audio\"; filename=\"a.mp3\"\r\n\r\n").getBytes(StandardCharsets.UTF_8), junk,
					"\r\n--lb--\r\n".getBytes(StandardCharsets.UTF_8))));
		probes.add(Probe.of(LYRICS, "text field of 1 MB + 1", "POST", PREDICTIONS).as(targets.attacker())
			.multipart(new Multipart().field("genre", "POP").field("lyrics", "가".repeat(350_000))
				.file("audio", "noise.mp3", "audio/mpeg", junk)));
		// A batch job reads its lyrics files at submission; its audio only later, so it may be accepted.
		job(LYRICS, "batch .lrc of 32k newlines", Due.ANY, new Multipart().field("genre", "POP")
			.file("files", "song.wav", "audio/wav", junk)
			.file("files", "song.lrc", "text/plain", files.get("32k newlines")));
		job(LYRICS, "batch .lrc of 30k lines of an unclosed '['", Due.ANY, new Multipart().field("genre", "POP")
			.file("files", "song.wav", "audio/wav", junk)
			.file("files", "song.lrc", "text/plain", files.get("30k lines of an unclosed '['")));
		job(LYRICS, "batch .lrc of invalid UTF-8", Due.REFUSED, new Multipart().field("genre", "POP")
			.file("files", "song.wav", "audio/wav", junk)
			.file("files", "song.lrc", "text/plain", files.get("invalid UTF-8")));
	}

	// --- batch manifests -----------------------------------------------------------------------------------------

	private void manifests() {
		StringBuilder many = new StringBuilder("[");
		for (int i = 0; i < 5_000; i++) {
			many.append(i == 0 ? "" : ",").append("{\"file\":\"track-").append(i).append(".mp3\",\"genre\":\"POP\"}");
		}
		manifest("5,000 items naming no uploaded file", many.append(']').toString());
		StringBuilder bad = new StringBuilder("[");
		for (int i = 0; i < 4_000; i++) {
			bad.append(i == 0 ? "" : ",").append("{}");
		}
		manifest("4,000 empty items", bad.append(']').toString());
		manifest("100k-deep nesting", "[".repeat(100_000) + "]".repeat(100_000));
		manifest("100k-deep objects", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
		manifest("a 3 MB title", "[{\"file\":\"a.wav\",\"genre\":\"POP\",\"title\":\"" + "t".repeat(3_000_000) + "\"}]");
		manifest("a 300 KB file name", "[{\"file\":\"" + "f".repeat(300_000) + ".wav\",\"genre\":\"POP\"}]");
		manifest("an object instead of an array", "{\"file\":\"a.wav\",\"genre\":\"POP\"}");
		manifest("a number", "42");
		manifest("null", "null");
		manifest("an array of numbers", "[1,2,3]");
		manifest("an array of nulls", "[null,null]");
		manifest("a file name as an array", "[{\"file\":[\"a.wav\"],\"genre\":\"POP\"}]");
		manifest("a genre as an object", "[{\"file\":\"a.wav\",\"genre\":{\"$ne\":null}}]");
		manifest("a number of 100,000 digits", "[{\"file\":\"a.wav\",\"genre\":\"POP\",\"title\":" + "9".repeat(100_000) + "}]");
		manifest("truncated JSON", "[{\"file\":\"a.wav\",\"genre\":");
		manifest("trailing garbage", "[{\"file\":\"a.wav\",\"genre\":\"POP\"}] ]]]");
		job(MANIFEST, "manifest file of invalid UTF-8", Due.REFUSED, new Multipart()
			.file("manifest", "m.json", JSON, concat("[{\"file\":\"a.wav\",\"title\":\"".getBytes(StandardCharsets.UTF_8),
					new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF }, "\",\"genre\":\"POP\"}]".getBytes(StandardCharsets.UTF_8)))
			.file("files", "a.wav", "audio/wav", randomBytes(200)));
		// Documented as either-or; the manifest wins and the genre is ignored: lenient, not harmful.
		job(MANIFEST, "manifest and genre both given", Due.ANY, new Multipart().field("genre", "POP")
			.field("manifest", "[{\"file\":\"a.wav\",\"genre\":\"POP\"}]")
			.file("files", "a.wav", "audio/wav", randomBytes(200)));
	}

	private void manifest(String what, String manifest) {
		job(MANIFEST, what, Due.REFUSED, new Multipart().file("manifest", "manifest.json", JSON,
				manifest.getBytes(StandardCharsets.UTF_8)).file("files", "a.wav", "audio/wav", randomBytes(200)));
	}

	// --- malformed JSON ------------------------------------------------------------------------------------------

	private void malformedJson() {
		Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
		bodies.put("an empty body", new byte[0]);
		bodies.put("a lone brace", bytes("{"));
		bodies.put("truncated", bytes("{\"email\":\"a@example.com\",\"password\":"));
		bodies.put("trailing garbage", bytes("{} {} ]]"));
		bodies.put("an array", bytes("[]"));
		bodies.put("null", bytes("null"));
		bodies.put("a bare string", bytes("\"hello\""));
		bodies.put("wrong types", bytes("{\"email\":[1],\"password\":{},\"refreshToken\":[],\"shared\":\"maybe\",\"title\":{}}"));
		bodies.put("10^999999", bytes("{\"email\":1e999999,\"shared\":1e999999}"));
		bodies.put("100k-deep nesting", bytes("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
		String huge = "x".repeat(5_000_000);
		bodies.put("a 5 MB string", bytes("{\"email\":\"" + huge + "\",\"title\":\"" + huge + "\",\"refreshToken\":\"" + huge + "\"}"));
		bodies.put("invalid UTF-8", concat(bytes("{\"email\":\""), new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF }, bytes("\"}")));
		bodies.put("NaN and comments", bytes("{/* c */ \"shared\": NaN, \"email\": NaN}"));
		bodies.put("single quotes", bytes("{'email':'a@example.com'}"));
		Map<String, String> endpoints = new java.util.LinkedHashMap<>();
		endpoints.put("POST /api/v1/auth/signup", null);
		endpoints.put("POST /api/v1/auth/login", null);
		endpoints.put("POST /api/v1/auth/refresh", null);
		endpoints.put("POST /api/v1/auth/logout", "attacker");
		endpoints.put("PATCH " + PREDICTIONS + "/" + targets.attackerPrediction(), "attacker");
		endpoints.forEach((endpoint, who) -> {
			String[] parts = endpoint.split(" ", 2);
			bodies.forEach((what, body) -> {
				Probe probe = Probe.of(MALFORMED_JSON, what, parts[0], parts[1]).body(JSON, body);
				if (who != null) {
					probe.as(targets.attacker());
				}
				probes.add(probe);
			});
			Probe xml = Probe.of(MALFORMED_JSON, "XML declared as JSON", parts[0], parts[1])
				.body(JSON, bytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
			Probe text = Probe.of(MALFORMED_JSON, "JSON sent as text/plain", parts[0], parts[1])
				.body("text/plain", bytes("{\"email\":\"a@example.com\",\"password\":\"x\"}"));
			if (who != null) {
				xml.as(targets.attacker());
				text.as(targets.attacker());
			}
			probes.add(xml);
			probes.add(text);
		});
	}

	// --- forged tokens -------------------------------------------------------------------------------------------

	private void forgedTokens() throws Exception {
		SignedJWT real = SignedJWT.parse(targets.attacker().get());
		JWTClaimsSet claims = real.getJWTClaimsSet();
		String kid = real.getHeader().getKeyID();
		RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(kid).generate();
		JWTClaimsSet asAdmin = new JWTClaimsSet.Builder(claims).claim("roles", List.of("MEMBER", "ADMIN")).build();
		Map<String, String> tokens = new java.util.LinkedHashMap<>();
		tokens.put("signed by another key under the real kid", sign(attackerKey, kid, asAdmin));
		String[] parts = real.serialize().split("\\.");
		tokens.put("the real signature over altered claims", parts[0] + "." + b64(asAdmin.toString()) + "." + parts[2]);
		tokens.put("alg=none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
		tokens.put("alg=NONE with the old signature", b64("{\"alg\":\"NONE\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + "." + parts[2]);
		tokens.put("HS256 keyed with the public key set", hs256(kid, claims));
		Date past = Date.from(Instant.now().minusSeconds(3_600));
		tokens.put("expired, forged", sign(attackerKey, kid, new JWTClaimsSet.Builder(claims).issueTime(past)
			.expirationTime(Date.from(Instant.now().minusSeconds(60))).build()));
		tokens.put("expired, once real", targets.expiredToken());
		tokens.put("wrong issuer", sign(attackerKey, kid, new JWTClaimsSet.Builder(claims).issuer("https://evil.example").build()));
		tokens.put("wrong audience", sign(attackerKey, kid, new JWTClaimsSet.Builder(claims).audience("someone-else").build()));
		tokens.put("victim's id as subject, unknown kid", sign(new RSAKeyGenerator(2048).keyID("kid-" + UUID.randomUUID()).generate(),
				"kid-" + UUID.randomUUID(), new JWTClaimsSet.Builder(claims).subject(UUID.randomUUID().toString()).build()));
		tokens.put("kid with a path", sign(attackerKey, "../../../../dev/null", claims));
		tokens.put("kid with SQL", sign(attackerKey, "' OR '1'='1' --", claims));
		tokens.put("embedded jwk header", embeddedJwk(attackerKey, claims));
		tokens.put("jku to the cloud metadata address", jku(attackerKey, kid, claims));
		tokens.put("no claims at all", sign(attackerKey, kid, new JWTClaimsSet.Builder().build()));
		tokens.put("two parts", parts[0] + "." + parts[1]);
		tokens.put("garbage", "not.a.token" + random.nextInt());
		tokens.put("8 KB of base64", b64(new String(randomBytes(6_000), StandardCharsets.ISO_8859_1)));
		List<String> routes = List.of("GET /api/v1/users/me", "GET " + PREDICTIONS, "GET " + JOBS,
				"GET " + PREDICTIONS + "/" + targets.attackerPrediction());
		for (String route : routes) {
			String[] call = route.split(" ", 2);
			tokens.forEach((what, token) -> probes.add(Probe.of(FORGED_TOKEN, what, call[0], call[1])
				.authorization("Bearer " + token)
				.due(Due.UNAUTHORIZED)));
		}
		probes.add(Probe.of(FORGED_TOKEN, "Basic credentials", "GET", "/api/v1/users/me")
			.authorization("Basic " + b64("admin:admin")).due(Due.UNAUTHORIZED));
		probes.add(Probe.of(FORGED_TOKEN, "an empty Bearer", "GET", "/api/v1/users/me")
			.authorization("Bearer ").due(Due.UNAUTHORIZED));
		probes.add(Probe.of(FORGED_TOKEN, "alg=none on logout", "POST", "/api/v1/auth/logout")
			.authorization("Bearer " + tokens.get("alg=none"))
			.body(JSON, bytes("{\"refreshToken\":\"x\"}"))
			.due(Due.UNAUTHORIZED));
		probes.add(Probe.of(FORGED_TOKEN, "forged admin marks a reference track", "PUT",
				PREDICTIONS + "/" + targets.attackerPrediction() + "/reference")
			.authorization("Bearer " + tokens.get("signed by another key under the real kid"))
			.due(Due.UNAUTHORIZED));
		probes.add(Probe.of(FORGED_TOKEN, "forged token submits a job", "POST", JOBS)
			.authorization("Bearer " + tokens.get("alg=none"))
			.multipart(new Multipart().field("genre", "POP").file("files", "a.wav", "audio/wav", randomBytes(100)))
			.due(Due.UNAUTHORIZED));
	}

	private static String sign(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private String hs256(String kid, JWTClaimsSet claims) throws Exception {
		// Algorithm confusion: the public key set, which anyone can read, used as an HMAC secret.
		byte[] secret = targets.jwksJson().getBytes(StandardCharsets.UTF_8);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
		jwt.sign(new MACSigner(secret.length >= 32 ? secret : concat(secret, new byte[32])));
		return jwt.serialize();
	}

	private static String embeddedJwk(RSAKey key, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(key.toPublicJWK()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String jku(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
			.jwkURL(java.net.URI.create("http://169.254.169.254/latest/meta-data/jwks.json")).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	// --- another member's ids ------------------------------------------------------------------------------------

	private void otherMembers() {
		String prediction = PREDICTIONS + "/" + targets.victimPrediction();
		String job = JOBS + "/" + targets.victimJob();
		other("GET", prediction, Due.NOT_VISIBLE, null);
		other("GET", prediction + "/spectrogram.png", Due.NOT_VISIBLE, null);
		other("PATCH", prediction, Due.NOT_VISIBLE, "{\"title\":\"mine now\",\"shared\":true}");
		other("PUT", prediction + "/like", Due.NOT_VISIBLE, null);
		other("DELETE", prediction, Due.NOT_VISIBLE, null);
		other("PUT", prediction + "/reference", Due.FORBIDDEN, null);
		other("DELETE", prediction + "/reference", Due.FORBIDDEN, null);
		other("GET", job, Due.NOT_VISIBLE, null);
		other("GET", job + "/results", Due.NOT_VISIBLE, null);
		other("GET", job + "/results.csv", Due.NOT_VISIBLE, null);
		other("DELETE", job, Due.NOT_VISIBLE, null);
		String unknown = UUID.randomUUID().toString();
		other("GET", PREDICTIONS + "/" + unknown, Due.NOT_VISIBLE, null);
		other("DELETE", JOBS + "/" + unknown, Due.NOT_VISIBLE, null);
		for (String id : List.of("1", "not-a-uuid", "%27%20OR%201%3D1--", targets.victimPrediction().toUpperCase(java.util.Locale.ROOT) + "0",
				"..%2F..%2Factuator%2Fenv", "00000000-0000-0000-0000-00000000000g")) {
			other("GET", PREDICTIONS + "/" + id, Due.REFUSED, null);
			other("GET", JOBS + "/" + id, Due.REFUSED, null);
		}
	}

	private void other(String method, String path, Due due, String json) {
		Probe probe = Probe.of(OTHER_MEMBER, "the victim's " + (path.contains("jobs") ? "job" : "prediction"), method, path)
			.as(targets.attacker())
			.due(due);
		if (json != null) {
			probe.body(JSON, bytes(json));
		}
		probes.add(probe);
	}

	// --- SSRF webhook targets ------------------------------------------------------------------------------------

	private void ssrfWebhooks() {
		// Not here: 0177.0.0.1, which the JDK reads as 177.0.0.1 (public) both when checking and when connecting.
		List<String> urls = List.of("http://127.0.0.1/hook", "http://127.0.0.1:" + targets.gatewayPort() + "/actuator/health",
				"http://127.1/", "http://2130706433/", "http://0x7f000001/", "http://0.0.0.0/",
				"http://[::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
				"http://[0:0:0:0:0:ffff:169.254.169.254]/", "http://169.254.169.254/latest/meta-data/",
				"http://192.0.0.1/", "http://192.0.0.170/", "http://[64:ff9b:1::1]/", "http://10.0.0.1/",
				"http://172.16.0.1/", "http://192.168.1.1/", "http://100.64.0.1/", "http://198.18.0.1/",
				"http://192.0.2.1/", "http://240.0.0.1/", "http://255.255.255.255/", "http://224.0.0.1/",
				"http://[fc00::1]/", "http://[fe80::1]/", "http://[2001:db8::1]/", "http://[ff02::1]/",
				"http://localhost/", "http://LOCALHOST:8080/", "http://localhost./", "http://ip6-localhost/",
				"http://metadata.google.internal/", "http://user:secret@example.com/", "ftp://example.com/x",
				"file:///etc/passwd", "gopher://127.0.0.1:25/", "http:///nohost", "http://" + "a".repeat(2_100) + ".com/");
		for (String url : urls) {
			probes.add(Probe.of(SSRF_WEBHOOK, url.length() > 80 ? url.substring(0, 40) + "…(" + url.length() + ")" : url,
					"POST", JOBS)
				.as(targets.attacker())
				.multipart(new Multipart().field("genre", "POP").field("webhookUrl", url)
					.file("files", "a.wav", "audio/wav", randomBytes(100))));
		}
	}

	// --- paging extremes -----------------------------------------------------------------------------------------

	private void paging() {
		List<String> queries = List.of("page=2147483647", "page=2147483647&size=100", "page=2147483648",
				"page=9223372036854775807", "page=21474837&size=100", "page=-1", "size=-1", "size=0", "size=101",
				"size=2147483647", "page=abc", "size=1e3", "page=1.5", "size=%00", "page=--1",
				"page=" + "9".repeat(500), "size=NaN");
		Map<String, String> lists = new java.util.LinkedHashMap<>();
		lists.put(PREDICTIONS, "");
		lists.put(PREDICTIONS + "/leaderboard", "genre=POP&");
		lists.put(JOBS, "");
		lists.forEach((list, base) -> queries.forEach(query -> probes.add(Probe.of(PAGING, query, "GET",
				list + "?" + base + query).as(targets.attacker()))));
		for (String sort : List.of("password,asc", "createdAt,sideways", "createdAt;DROP%20TABLE%20prediction",
				"createdAt,asc,desc", "hitProbability%2Casc%2Cdesc")) {
			probes.add(Probe.of(PAGING, "sort=" + sort, "GET", PREDICTIONS + "?sort=" + sort).as(targets.attacker()));
		}
		probes.add(Probe.of(PAGING, "leaderboard without genre", "GET", PREDICTIONS + "/leaderboard?page=0")
			.as(targets.attacker()));
	}

	// --- unknown routes ------------------------------------------------------------------------------------------

	private void unknownRoutes() {
		// Other GET addresses belong to the web app, which answers its client-side routes with its page.
		for (String path : List.of("/api/v1/nothing-here", "/api/v2/predictions", "/api/v1/community/nothing-here",
				"/api/v1/auth/nothing-here", "/actuator/env", "/actuator/heapdump", "/actuator/gateway/routes",
				"/actuator/prometheus", "/api/v1/predictions/../../actuator/env", "/fallback/prediction")) {
			probes.add(Probe.of(UNKNOWN_ROUTE, "no route", "GET", path).as(targets.attacker()));
		}
		probes.add(Probe.of(UNKNOWN_ROUTE, "TRACE", "TRACE", "/api/v1/users/me").as(targets.attacker()));
	}

	// --- trace context -------------------------------------------------------------------------------------------

	/** Answered as without the headers: the reads succeed (ANY: no 5xx, errors well formed), the bad sign-in is 401. */
	private void traceContext() {
		Map<String, String> traceparents = new java.util.LinkedHashMap<>();
		traceparents.put("malformed", "garbage");
		traceparents.put("4 KB", "00-" + "a".repeat(4_000) + "-00f067aa0ba902b7-01");
		traceparents.put("all-zero trace id", "00-00000000000000000000000000000000-00f067aa0ba902b7-01");
		traceparents.put("all-zero span id", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01");
		traceparents.put("non-hex ids", "00-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-zzzzzzzzzzzzzzzz-01");
		traceparents.put("version ff", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		traceparents.put("a future version with extra fields", "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-ever");
		traceparents.put("markup", "00-<script>alert(1)</script>-00f067aa0ba902b7-01");
		for (Map.Entry<String, String> traceparent : traceparents.entrySet()) {
			probes.add(Probe.of(TRACE_CONTEXT, "traceparent " + traceparent.getKey(), "GET", PREDICTIONS)
				.header("traceparent", traceparent.getValue())
				.as(targets.attacker())
				.due(Probe.Due.ANY));
		}
		probes.add(Probe.of(TRACE_CONTEXT, "two traceparents in one header", "GET", PREDICTIONS)
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01, "
					+ "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.as(targets.attacker())
			.due(Probe.Due.ANY));
		probes.add(Probe.of(TRACE_CONTEXT, "64 tracestate members", "GET", "/api/v1/community/posts?size=5")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.header("tracestate", java.util.stream.IntStream.range(0, 64)
				.mapToObj(i -> "v" + i + "=" + "x".repeat(50))
				.collect(java.util.stream.Collectors.joining(",")))
			.as(targets.attacker())
			.due(Probe.Due.ANY));
		probes.add(Probe.of(TRACE_CONTEXT, "4 KB of baggage", "GET", "/api/v1/community/posts?size=5")
			.header("baggage", "userId=" + "b".repeat(4_000))
			.as(targets.attacker())
			.due(Probe.Due.ANY));
		probes.add(Probe.of(TRACE_CONTEXT, "a malformed traceparent on a sign-in", "POST", "/api/v1/auth/login")
			.header("traceparent", "00-" + "f".repeat(32) + "-" + "g".repeat(16) + "-zz")
			.body("application/json", "{\"email\":\"nobody@example.com\",\"password\":\"wrong-password-1\"}"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	// --- the web app's additions --------------------------------------------------------------------------------

	private void webApp() {
		String refresh = "/api/v1/auth/refresh";
		Map<String, String> cookies = new java.util.LinkedHashMap<>();
		cookies.put("a forged refresh cookie", "hitter_refresh=" + UUID.randomUUID());
		cookies.put("an empty refresh cookie", "hitter_refresh=");
		cookies.put("a 6 KB refresh cookie", "hitter_refresh=" + "a".repeat(6_000));
		cookies.put("a cookie with attributes injected", "hitter_refresh=x\"; Path=/; Domain=evil.example");
		cookies.put("a cookie of control characters", "hitter_refresh=%00%0d%0aSet-Cookie:%20a=b");
		cookies.forEach((what, cookie) -> probes.add(Probe.of(WEB_APP, what, "POST", refresh)
			.header("X-Hitter-Session", "cookie")
			.header("Cookie", cookie)
			.due(Due.UNAUTHORIZED)));
		// More cookies than the server parses: a refusal of the whole request, not a 401, is the right answer.
		probes.add(Probe.of(WEB_APP, "the refresh cookie 300 times", "POST", refresh)
			.header("X-Hitter-Session", "cookie")
			.header("Cookie", "hitter_refresh=x; ".repeat(300).strip()));
		probes.add(Probe.of(WEB_APP, "a refresh cookie without the web app's header", "POST", refresh)
			.header("Cookie", "hitter_refresh=" + UUID.randomUUID()));
		probes.add(Probe.of(WEB_APP, "the web app's header with another value", "POST", refresh)
			.header("X-Hitter-Session", "COOKIE, cookie")
			.header("Cookie", "hitter_refresh=" + UUID.randomUUID()));
		probes.add(Probe.of(WEB_APP, "logout by cookie alone", "POST", "/api/v1/auth/logout")
			.header("X-Hitter-Session", "cookie")
			.header("Cookie", "hitter_refresh=" + UUID.randomUUID())
			.due(Due.UNAUTHORIZED));
		for (String genre : List.of("%00", "x".repeat(5_000), "..%2F..%2Factuator%2Fenv", "POP%27%20OR%201%3D1--",
				"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "POP,BALLAD", "%F0%9F%8E%B5", "%C3%28")) {
			probes.add(Probe.of(WEB_APP, "model cards of genre " + (genre.length() > 40 ? "x×5000" : genre), "GET",
					"/api/v1/models/" + genre));
		}
		// The evaluation's pictures are files in the served version's folder: only the listed PNGs come out, never
		// the folder's other files (its evaluation, splits with every song id, vocabulary) or a path out of it.
		for (String name : List.of("evaluation.json", "splits.json", "vocabulary.txt", "combination.json")) {
			probes.add(Probe.of(WEB_APP, "the model folder's " + name + " as a picture", "GET",
					"/api/v1/models/POP/pictures/" + name).due(Due.NOT_VISIBLE));
		}
		for (String name : List.of("..%2F..%2Fpromoted.json", "..%2Faudio%2Fcard.json", "%2E%2E", "roc.png%00",
				"roc.png%2F..%2Fsplits.json", "x".repeat(5_000) + ".png")) {
			probes.add(Probe.of(WEB_APP, "a model picture named " + (name.length() > 40 ? "x×5000.png" : name), "GET",
					"/api/v1/models/POP/pictures/" + name));
		}
		for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
			probes.add(Probe.of(WEB_APP, "a write to the model cards", method, "/api/v1/models")
				.body(JSON, bytes("{\"genre\":\"POP\"}")));
			probes.add(Probe.of(WEB_APP, "a write to the model cards as a member", method, "/api/v1/models/POP")
				.as(targets.attacker())
				.body(JSON, bytes("{\"demonstration\":false}")));
		}
		// Renaming the artist from the result page: too long, the wrong type, and another member's analysis.
		String mine = PREDICTIONS + "/" + targets.attackerPrediction();
		probes.add(Probe.of(WEB_APP, "a 5,000-character artist", "PATCH", mine).as(targets.attacker())
			.body(JSON, bytes("{\"artist\":\"" + "a".repeat(5_000) + "\"}")));
		probes.add(Probe.of(WEB_APP, "an artist of the wrong type", "PATCH", mine).as(targets.attacker())
			.body(JSON, bytes("{\"artist\":{\"name\":[1,2]}}")));
		probes.add(Probe.of(WEB_APP, "renaming the artist of another member's analysis", "PATCH",
				PREDICTIONS + "/" + targets.victimPrediction())
			.as(targets.attacker())
			.body(JSON, bytes("{\"artist\":\"mine now\"}"))
			.due(Due.NOT_VISIBLE));
		probes.add(Probe.of(WEB_APP, "the export without a token", "GET", PREDICTIONS + "/export.csv")
			.due(Due.UNAUTHORIZED));
		for (String sort : List.of("title;DROP%20TABLE%20prediction", "genre,asc,asc", "title%00", "member_id,asc")) {
			probes.add(Probe.of(WEB_APP, "sort=" + sort, "GET", PREDICTIONS + "?sort=" + sort).as(targets.attacker()));
		}
		// The app's page answers its deep links: it must never carry the path back, nor open a way to the APIs.
		for (String path : List.of("/analyses/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
				"/login?next=javascript:alert(1)", "/analyses/" + "a".repeat(4_000), "/compare?ids=" + "x,".repeat(1_000))) {
			probes.add(Probe.of(WEB_APP, "an app deep link with markup or length", "GET", path)
				.header("Accept", "text/html")
				.due(Due.ANY));
		}
		for (String path : List.of("/api/v1/users/me", "/api/v1/predictions", "/actuator/env", "/v3/api-docs/../../actuator/env")) {
			probes.add(Probe.of(WEB_APP, "an API path asked for as a page, without a token", "GET", path)
				.header("Accept", "text/html")
				.due(path.startsWith("/api") ? Due.UNAUTHORIZED : Due.REFUSED));
		}
	}

	// --- the member's account (issue 13) ------------------------------------------------------------------------

	private void account() {
		String login = "/api/v1/auth/login";
		// Wrong passwords for one made-up e-mail, faster than allowed: six are answered 401, then the throttle answers
		// 429 with a problem (LoginThrottleTest pins the curve), never a 5xx. Sent one after the other, each guess after
		// the sixth comes before its wait is over unless the machine is slower than the doubling waits (1, 2, 4 … s).
		// A forged client address header changes nothing: the gateway replaces it with the connection's address.
		String guessed = "hostile-" + UUID.randomUUID() + "@example.com";
		for (int i = 0; i < 12; i++) {
			probes.add(Probe.of(ACCOUNT, "password guess " + (i + 1) + " for one e-mail", "POST", login)
				.header("X-Hitter-Client-Address", "203.0.113." + i)
				.body(JSON, bytes("{\"email\":\"" + guessed + "\",\"password\":\"guess-number-" + i + "\"}"))
				.due(i < 6 ? Due.UNAUTHORIZED : Due.REFUSED));
		}
		String twoFactor = "/api/v1/auth/login/two-factor";
		Map<String, String> secondSteps = new java.util.LinkedHashMap<>();
		String challenge = "A".repeat(43);
		secondSteps.put("a made-up challenge", "{\"challenge\":\"" + challenge + "\",\"code\":\"123456\"}");
		secondSteps.put("a code of letters", "{\"challenge\":\"" + challenge + "\",\"code\":\"12ab56\"}");
		secondSteps.put("a code of 100,000 digits", "{\"challenge\":\"" + challenge + "\",\"code\":\"" + "9".repeat(100_000) + "\"}");
		secondSteps.put("a code as a number", "{\"challenge\":\"" + challenge + "\",\"code\":123456}");
		secondSteps.put("a code and a recovery code", "{\"challenge\":\"" + challenge
				+ "\",\"code\":\"123456\",\"recoveryCode\":\"ABCDE-FGHJK\"}");
		secondSteps.put("no code at all", "{\"challenge\":\"" + challenge + "\"}");
		secondSteps.put("a recovery code with SQL", "{\"challenge\":\"" + challenge
				+ "\",\"recoveryCode\":\"' OR 1=1 --\"}");
		secondSteps.put("a challenge with traversal", "{\"challenge\":\"../../actuator/env\",\"code\":\"123456\"}");
		secondSteps.put("a 1 MB challenge", "{\"challenge\":\"" + "A".repeat(1_000_000) + "\",\"code\":\"123456\"}");
		secondSteps.put("Arabic-Indic digits", "{\"challenge\":\"" + challenge + "\",\"code\":\"\u0661\u0662\u0663\u0664\u0665\u0666\"}");
		secondSteps.forEach((what, body) -> probes.add(Probe.of(ACCOUNT, "two-factor step: " + what, "POST", twoFactor)
			.body(JSON, bytes(body))
			.due(Due.REFUSED)));
		// The attacker's own account: enabling and disabling two-factor with nonsense, profile fields past their limits.
		String me = "/api/v1/auth/me";
		probes.add(Probe.of(ACCOUNT, "enable two-factor never set up", "POST", me + "/two-factor/enable").as(targets.attacker())
			.body(JSON, bytes("{\"code\":\"123456\"}"))
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "enable two-factor with a 5 MB code", "POST", me + "/two-factor/enable").as(targets.attacker())
			.body(JSON, bytes("{\"code\":\"" + "1".repeat(5_000_000) + "\"}"))
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "disable two-factor that is off", "POST", me + "/two-factor/disable").as(targets.attacker())
			.body(JSON, bytes("{\"password\":\"x\",\"code\":\"123456\"}"))
			.due(Due.REFUSED));
		Map<String, String> profiles = new java.util.LinkedHashMap<>();
		profiles.put("a 51-character name", "{\"displayName\":\"" + "n".repeat(51) + "\"}");
		profiles.put("a name of 1 MB of spaces and a NUL", "{\"displayName\":\"" + " ".repeat(1_000_000) + "\\u0000\"}");
		profiles.put("a blank name", "{\"displayName\":\"   \"}");
		profiles.put("a name with control characters", "{\"displayName\":\"Min\\u0000\\u001b[31mji\"}");
		profiles.put("a bio of 100,000 line breaks", "{\"bio\":\"" + "\\n".repeat(100_000) + "\"}");
		profiles.put("a bio with a bell", "{\"bio\":\"ding\\u0007\"}");
		profiles.put("an affiliation of 101 characters", "{\"affiliation\":\"" + "a".repeat(101) + "\"}");
		profiles.put("an unknown kind", "{\"kind\":\"drummer\"}");
		profiles.put("a kind as an array", "{\"kind\":[\"artist\"]}");
		profiles.forEach((what, body) -> probes.add(Probe.of(ACCOUNT, "profile: " + what, "PATCH", me + "/profile")
			.as(targets.attacker())
			.body(JSON, bytes(body))
			.due(Due.REFUSED)));
		// Deleting the attacker's own account without the means to (never with the right password: the campaign goes on).
		probes.add(Probe.of(ACCOUNT, "delete the account with a wrong password", "DELETE", me).as(targets.attacker())
			.body(JSON, bytes("{\"currentPassword\":\"guess-password-1\"}"))
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "delete the account with a 5 MB password", "DELETE", me).as(targets.attacker())
			.body(JSON, bytes("{\"currentPassword\":\"" + "p".repeat(5_000_000) + "\"}"))
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "delete the account with a code of SQL", "DELETE", me).as(targets.attacker())
			.body(JSON, bytes("{\"currentPassword\":\"guess-password-2\",\"code\":\"' OR 1=1 --\"}"))
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "delete an account without a token", "DELETE", me)
			.body(JSON, bytes("{\"currentPassword\":\"x\"}"))
			.due(Due.UNAUTHORIZED));
		probes.add(Probe.of(ACCOUNT, "download someone's data without a token", "GET", me + "/export")
			.due(Due.UNAUTHORIZED));
		probes.add(Probe.of(ACCOUNT, "a member suspends someone", "POST",
				"/api/v1/auth/admin/members/" + UUID.randomUUID() + "/suspension")
			.as(targets.attacker())
			.body(JSON, bytes("{\"reason\":\"mine now\"}"))
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(ACCOUNT, "the revocation feed through the gateway", "GET", "/internal/v1/revocations?after=0")
			.as(targets.attacker())
			.due(Due.NOT_VISIBLE));
		// Unknown fields are ignored (Jackson 3's default): a role asked for in a profile change must change nothing.
		probes.add(Probe.of(ACCOUNT, "profile: roles asked for", "PATCH", me + "/profile")
			.as(targets.attacker())
			.body(JSON, bytes("{\"roles\":[\"ADMIN\"],\"email\":\"admin@hitter.dev\"}"))
			.due(Due.ANY));
		probes.add(Probe.of(ACCOUNT, "password change with a wrong current password", "POST", me + "/password")
			.as(targets.attacker())
			.body(JSON, bytes("{\"currentPassword\":\"not-it-at-all-1\",\"newPassword\":\"another-long-one-2\"}"))
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "password change with a 2 MB current password", "POST", me + "/password")
			.as(targets.attacker())
			.body(JSON, bytes("{\"currentPassword\":\"" + "p".repeat(2_000_000) + "\",\"newPassword\":\"x\"}"))
			.due(Due.REFUSED));
		for (String id : List.of(UUID.randomUUID().toString(), "1", "..%2F..%2Factuator", "' OR 1=1 --".replace(" ", "%20"))) {
			probes.add(Probe.of(ACCOUNT, "end a session that is not one's own: " + id, "DELETE", "/api/v1/auth/sessions/" + id)
				.as(targets.attacker())
				.due(Due.REFUSED));
		}
		probes.add(Probe.of(ACCOUNT, "end every session without others=true", "DELETE", "/api/v1/auth/sessions")
			.as(targets.attacker())
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "the sessions list without a token", "GET", "/api/v1/auth/sessions")
			.due(Due.UNAUTHORIZED));
		// The administrators' API (docs/accounts.md "Administration and audit"): a member is refused every operation,
		// and a search is bounded and free of control characters before anything is looked up.
		String admin = "/api/v1/auth/admin";
		String someone = UUID.randomUUID().toString();
		Map<String, String[]> adminCalls = new LinkedHashMap<>();
		adminCalls.put("a member searches the members", new String[] { "GET", admin + "/members?q=a" });
		adminCalls.put("a member reads a member", new String[] { "GET", admin + "/members/" + someone });
		adminCalls.put("a member makes themselves administrator", new String[] { "PUT", admin + "/members/" + someone + "/roles/ADMIN" });
		adminCalls.put("a member takes an administrator's role", new String[] { "DELETE", admin + "/members/" + someone + "/roles/ADMIN" });
		adminCalls.put("a member reads the audit log", new String[] { "GET", admin + "/audit" });
		adminCalls.forEach((what, call) -> probes.add(Probe.of(ACCOUNT, what, call[0], call[1])
			.as(targets.attacker())
			.due(Due.FORBIDDEN)));
		probes.add(Probe.of(ACCOUNT, "the audit log without a token", "GET", admin + "/audit").due(Due.UNAUTHORIZED));
		probes.add(Probe.of(ACCOUNT, "a member's 5,000-character member search", "GET", admin + "/members?q=" + "a".repeat(5000))
			.as(targets.attacker())
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "a member's member search with control characters", "GET", admin + "/members?q=a%00%1b%0a")
			.as(targets.attacker())
			.due(Due.REFUSED));
		probes.add(Probe.of(ACCOUNT, "a member's audit page with an SQL cursor", "GET", admin + "/audit?cursor=1%20OR%201%3D1")
			.as(targets.attacker())
			.due(Due.REFUSED));
	}

	// --- the listenable leaderboard --------------------------------------------------------------------------------

	private void publications() {
		String mine = PREDICTIONS + "/" + targets.attackerPrediction();
		String victims = PREDICTIONS + "/" + targets.victimPrediction();
		String published = PREDICTIONS + "/" + targets.victimPublished();
		Multipart theSong = new Multipart().file("audio", "own.wav", "audio/wav", song);
		publication("publishing another member's private analysis", "PUT", victims + "/publication", Due.NOT_VISIBLE)
			.multipart(theSong);
		publication("publishing another member's published analysis", "PUT", published + "/publication",
				Due.NOT_VISIBLE).multipart(theSong);
		publication("unpublishing another member's analysis", "DELETE", published + "/publication", Due.NOT_VISIBLE);
		publication("another file behind one's own score", "PUT", mine + "/publication", Due.REFUSED)
			.multipart(new Multipart().file("audio", "other.wav", "audio/wav", concat(song, new byte[] { 0 })));
		publication("random bytes behind one's own score", "PUT", mine + "/publication", Due.REFUSED)
			.multipart(new Multipart().file("audio", "noise.wav", "audio/wav", randomBytes(50_000)));
		publication("lyrics for an analysis made without any", "PUT", mine + "/publication", Due.REFUSED)
			.multipart(new Multipart().field("lyrics", "other words entirely").file("audio", "own.wav", "audio/wav", song));
		publication("lyrics of 1 MB + 1", "PUT", mine + "/publication", Due.REFUSED)
			.multipart(new Multipart().field("lyrics", "la ".repeat(350_000)).file("audio", "own.wav", "audio/wav", song));
		publication("lyrics as a file of invalid UTF-8", "PUT", mine + "/publication", Due.REFUSED)
			.multipart(new Multipart().file("lyricsFile", "l.txt", "text/plain", new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF })
				.file("audio", "own.wav", "audio/wav", song));
		publication("lyrics as text and as a file at once", "PUT", mine + "/publication", Due.REFUSED)
			.multipart(new Multipart().field("lyrics", "la").file("lyricsFile", "l.txt", "text/plain", bytes("la"))
				.file("audio", "own.wav", "audio/wav", song));
		publication("a publication without its file", "PUT", mine + "/publication", Due.REFUSED)
			.multipart(new Multipart().field("lyrics", "la la"));
		publication("a publication as JSON", "PUT", mine + "/publication", Due.REFUSED)
			.body(JSON, bytes("{\"audio\":\"UklGRg==\"}"));
		publication("a ticket for an unpublished analysis", "POST", mine + "/audio-ticket", Due.NOT_VISIBLE);
		publication("a ticket for another member's private analysis", "POST", victims + "/audio-ticket", Due.NOT_VISIBLE);
		publication("the stream of another member's private analysis", "GET", victims + "/audio", Due.NOT_VISIBLE);
		publication("the lyrics of another member's private analysis", "GET", victims + "/lyrics", Due.NOT_VISIBLE);
		publication("the stream of an unknown analysis", "GET", PREDICTIONS + "/" + UUID.randomUUID() + "/audio",
				Due.NOT_VISIBLE);
		for (String decision : List.of("{\"state\":\"HIDDEN\",\"reason\":\"mine now\"}",
				"{\"state\":\"REMOVED\",\"reason\":\"x\"}")) {
			publication("moderation by a member", "PUT", published + "/moderation", Due.FORBIDDEN)
				.body(JSON, bytes(decision));
		}
		publication("restoring by a member", "DELETE", published + "/moderation", Due.FORBIDDEN);
		publication("a moderation state that does not exist", "PUT", published + "/moderation", Due.REFUSED)
			.body(JSON, bytes("{\"state\":\"DELETED\",\"reason\":\"" + "r".repeat(600) + "\"}"));

		// Ranges on a track the attacker may hear: refusals or whole answers, never an error, never more bytes
		// than the file has (several ranges are answered as the whole file, not as a multipart of each).
		String audio = published + "/audio";
		List<String> ranges = new ArrayList<>(List.of("bytes=999999999-", "bytes=-0", "bytes=99999999999999999999999-",
				"bytes=abc", "bytes=5-3", "bytes=--1", "bytes=0-0x10", "bytes=-99999999999999999999", "items=0-9",
				"bytes=0-1,1-2,0-1", "bytes= 0 - 1 ", "bytes=" + random.nextInt(100_000) + "-"));
		StringBuilder many = new StringBuilder("bytes=0-0");
		for (int i = 1; i < 600; i++) {
			many.append(',').append(i).append('-').append(i + 1_000_000);
		}
		ranges.add(many.toString());
		for (String range : ranges) {
			probes.add(Probe.of(PUBLICATION, "Range: " + (range.length() > 40 ? "600 overlapping ranges" : range),
					"GET", audio)
				.as(targets.attacker())
				.header("Range", range)
				.due(Due.ANY));
		}
		// HEAD answers carry no body, so only ones that are no error are sent (an error's problem could not be read).
		probes.add(Probe.of(PUBLICATION, "HEAD with 600 overlapping ranges", "HEAD", audio).as(targets.attacker())
			.header("Range", many.toString())
			.due(Due.ANY));
		probes.add(Probe.of(PUBLICATION, "a Range with a junk If-Range", "GET", audio).as(targets.attacker())
			.header("Range", "bytes=0-9")
			.header("If-Range", "\"" + "x".repeat(2_000) + "\"")
			.due(Due.ANY));
		for (String ticket : List.of(UUID.randomUUID() + ".a.99999999999.c2lnbmF0dXJl", "x".repeat(6_000), "%00",
				"..%2F..%2Factuator%2Fenv", "%27%20OR%201%3D1--", "a.b.c.d.e.f", "")) {
			probes.add(Probe.of(PUBLICATION, "a forged listening ticket", "GET", audio + "?ticket=" + ticket)
				.due(Due.UNAUTHORIZED));
		}
		probes.add(Probe.of(PUBLICATION, "the stream with neither token nor ticket", "GET", audio).due(Due.UNAUTHORIZED));
		probes.add(Probe.of(PUBLICATION, "the stream with an expired token", "GET", audio)
			.authorization("Bearer " + targets.expiredToken())
			.due(Due.UNAUTHORIZED));
	}

	private Probe publication(String what, String method, String path, Due due) {
		Probe probe = Probe.of(PUBLICATION, what, method, path).as(targets.attacker()).due(due);
		probes.add(probe);
		return probe;
	}

	// --- the community board ---------------------------------------------------------------------------------------

	private void community() {
		String victims = POSTS + "/" + targets.victimPost();
		for (String form : List.of("{\"title\":\"\",\"body\":\"b\",\"category\":\"QA\"}",
				"{\"title\":\"   \",\"body\":\"b\",\"category\":\"QA\"}",
				"{\"title\":\"t\",\"body\":\"\",\"category\":\"QA\"}",
				"{\"title\":\"" + "제".repeat(201) + "\",\"body\":\"b\",\"category\":\"QA\"}",
				"{\"title\":\"t\",\"body\":\"" + "x".repeat(20_001) + "\",\"category\":\"QA\"}",
				"{\"title\":\"t\",\"body\":\"" + "본".repeat(300_000) + "\",\"category\":\"QA\"}",
				"{\"title\":\"t\",\"body\":\"b\",\"category\":\"GOSSIP' OR 1=1 --\"}",
				"{\"title\":\"t\",\"body\":\"b\"}", "{\"title\":[1],\"body\":{},\"category\":7}",
				"{\"title\":\"t\",\"body\":\"b\",\"category\":\"QA\",\"predictionId\":\"not-a-uuid\"}",
				"{\"title\":\"t\",\"body\":\"b\",\"category\":\"QA\",\"predictionId\":\""
						+ targets.attackerPrediction() + "\"}",
				"[]", "null", "{")) {
			community(form.length() > 80 ? "a post of " + form.length() + " characters" : "a post " + form, "POST", POSTS,
					Due.REFUSED).body(JSON, bytes(form));
		}
		community("sharing another member's analysis", "POST", POSTS, Due.NOT_VISIBLE).body(JSON,
				bytes("{\"title\":\"t\",\"body\":\"b\",\"category\":\"FEEDBACK\",\"predictionId\":\""
						+ targets.victimPrediction() + "\",\"confirmShareFigures\":true}"));
		for (String body : List.of("<script>alert(document.cookie)</script>", "[click](javascript:alert(1))",
				"<img src=x onerror=alert(1)> <a href=\\\"javascript:void(0)\\\">x</a>", "\\u0001marker\\u0002 %00 ../../etc/passwd")) {
			community("a post carrying " + body.substring(0, Math.min(30, body.length())), "POST", POSTS, Due.ANY)
				.body(JSON, bytes("{\"title\":\"<svg onload=alert(1)>\",\"body\":\"" + body + "\",\"category\":\"FREE_TALK\"}"))
				.storesText();
		}
		community("changing another member's post", "PATCH", victims, Due.NOT_VISIBLE)
			.body(JSON, bytes("{\"title\":\"mine now\"}"));
		community("deleting another member's post", "DELETE", victims, Due.NOT_VISIBLE);
		community("hiding a post as a member", "PUT", "/api/v1/community/moderation/POST/" + targets.victimPost(),
				Due.FORBIDDEN).body(JSON, bytes("{\"action\":\"REMOVE\",\"note\":\"mine now\"}"));
		community("the report queue as a member", "GET", "/api/v1/community/reports", Due.FORBIDDEN);
		for (int i = 0; i < 2; i++) {
			community("liking a post " + (i == 0 ? "once" : "twice"), "PUT", victims + "/like", Due.ANY);
		}
		community("liking an unknown post", "PUT", POSTS + "/" + UUID.randomUUID() + "/like", Due.NOT_VISIBLE);
		community("a comment on an unknown post", "POST", POSTS + "/" + UUID.randomUUID() + "/comments", Due.NOT_VISIBLE)
			.body(JSON, bytes("{\"body\":\"hi\"}"));
		for (String comment : List.of("{\"body\":\"\"}", "{\"body\":\"" + "c".repeat(5_001) + "\"}",
				"{\"body\":\"hi\",\"parentId\":\"" + UUID.randomUUID() + "\"}", "{\"body\":\"hi\",\"parentId\":\"x\"}",
				"{\"body\":42}")) {
			community("a comment " + (comment.length() > 60 ? "of " + comment.length() + " characters" : comment), "POST",
					victims + "/comments", Due.REFUSED).body(JSON, bytes(comment));
		}
		for (String query : List.of("size=0", "size=101", "size=-1", "size=abc", "size=99999999999", "sort=hot",
				"category=GOSSIP", "author=victim", "cursor=garbage", "cursor=" + "A".repeat(3_000), "cursor=%00",
				"cursor=YzEKcG9zdHMtbmV3ZXN0CnllcwpubwA")) {
			community("a list with " + (query.length() > 40 ? query.substring(0, 40) + "…" : query), "GET",
					POSTS + "?" + query, Due.REFUSED);
		}
		community("paging past the end", "GET", POSTS + "?cursor="
				+ b64url("c1\nposts-newest\n2000-01-01T00:00:00Z\n00000000-0000-0000-0000-000000000000"), Due.ANY);
		for (String q : List.of("", "q=" + java.net.URLEncoder.encode("가".repeat(201), java.nio.charset.StandardCharsets.UTF_8), "q=%2B%22%EC%82%AC%EB%9E%91%22%20-%28*%29%20%40%7E%3C%3E",
				"q=%27%20OR%201%3D1--", "q=the%20of%20and", "q=%E2%80%8B")) {
			community("a search " + (q.length() > 40 ? q.substring(0, 40) + "…" : q), "GET", POSTS + "/search?" + q,
					q.isEmpty() || q.length() > 200 ? Due.REFUSED : Due.ANY);
		}
		community("a report without a reason", "POST", "/api/v1/community/reports", Due.REFUSED)
			.body(JSON, bytes("{\"targetType\":\"POST\",\"targetId\":\"" + targets.victimPost() + "\",\"reason\":\"\"}"));
		community("a report of something unknown", "POST", "/api/v1/community/reports", Due.REFUSED)
			.body(JSON, bytes("{\"targetType\":\"MEMBER\",\"targetId\":\"x\",\"reason\":\"r\"}"));
		// Internal paths are 404 at the gateway whatever comes (docs/internal-calls.md): never routed to a service.
		community("the member hooks through the gateway", "POST",
				"/internal/v1/members/" + UUID.randomUUID() + "/anonymise", Due.NOT_VISIBLE);
		community("a forged ANALYSIS_LIKE notification through the gateway", "POST", "/internal/v1/notifications",
				Due.NOT_VISIBLE)
			.body(JSON, bytes("{\"id\":\"" + UUID.randomUUID() + "\",\"recipientId\":\"" + UUID.randomUUID()
					+ "\",\"kind\":\"ANALYSIS_LIKE\",\"actorId\":\"" + UUID.randomUUID()
					+ "\",\"actorName\":\"x\",\"predictionId\":\"" + UUID.randomUUID() + "\"}"));
		community("a forged moderation event for the audit log through the gateway", "POST", "/internal/v1/audit-events",
				Due.NOT_VISIBLE)
			.body(JSON, bytes("{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"MODERATION_POST_REMOVE\",\"actorId\":\""
					+ UUID.randomUUID() + "\",\"occurredAt\":\"2026-12-07T10:00:00Z\"}"));
		community("the service token endpoint through the gateway", "POST", "/internal/v1/oauth2/token",
				Due.NOT_VISIBLE)
			.authorization("Basic " + b64url("prediction-service:guess"))
			.body("application/x-www-form-urlencoded", bytes("grant_type=client_credentials"));
		community("an internal path spelled in capitals and percent-encoded", "GET", "/%49NTERNAL/v1/notifications",
				Due.NOT_VISIBLE)
			.header("Accept", "text/html");
		community("marking notifications with garbage", "POST", "/api/v1/community/notifications/read", Due.REFUSED)
			.body(JSON, bytes("{\"ids\":[\"x\"]}"));
	}

	private Probe community(String what, String method, String path, Due due) {
		Probe probe = Probe.of(COMMUNITY, what, method, path).as(targets.attacker()).due(due);
		probes.add(probe);
		return probe;
	}

	private static String b64url(String text) {
		return java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	// --- bytes ---------------------------------------------------------------------------------------------------

	private static String multipartType(String boundary) {
		return "multipart/form-data; boundary=" + boundary;
	}

	/** A form whose one file part streams {@link #OVER_UPLOAD_LIMIT} bytes, sent with its length declared. */
	private static Supplier<BodyPublisher> oversized(String boundary, String field, String file, String genre) {
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"genre\"\r\n\r\n" + genre + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + file
				+ "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		long length = head.length + OVER_UPLOAD_LIMIT + tail.length;
		return () -> HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
				() -> new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
						new java.io.ByteArrayInputStream(head), new Zeros(OVER_UPLOAD_LIMIT),
						new java.io.ByteArrayInputStream(tail))))), length);
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] png() {
		return concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' },
				new byte[2_000]);
	}

	// --- mailed links -----------------------------------------------------------------------------------------

	private void mail() {
		String verify = "/api/v1/auth/email-verification";
		String reset = "/api/v1/auth/password-reset/confirm";
		String change = "/api/v1/auth/email-change/confirm";
		MailLinks links = targets.mailLinks();
		// The same refusal for every wrong link: nothing tells a spent one from an unknown one.
		mailProbe("a spent verification link again", "POST", verify, Due.FORBIDDEN)
			.body(JSON, bytes("{\"token\":\"" + links.spentVerification() + "\"}"));
		mailProbe("a spent reset link again", "POST", reset, Due.FORBIDDEN)
			.body(JSON, bytes("{\"token\":\"" + links.spentReset() + "\",\"newPassword\":\"attackers-own-pass-1\"}"));
		mailProbe("a spent reset link used to verify", "POST", verify, Due.FORBIDDEN)
			.body(JSON, bytes("{\"token\":\"" + links.spentReset() + "\"}"));
		mailProbe("the victim's e-mail change link opened by the attacker", "POST", change, Due.FORBIDDEN)
			.as(targets.attacker())
			.body(JSON, bytes("{\"token\":\"" + links.victimsEmailChange() + "\"}"));
		mailProbe("the victim's e-mail change link as a reset link", "POST", reset, Due.FORBIDDEN)
			.body(JSON, bytes("{\"token\":\"" + links.victimsEmailChange() + "\",\"newPassword\":\"attackers-own-pass-1\"}"));
		String guess = b64url(Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
				+ Long.toHexString(random.nextLong()));
		Map<String, Due> tokens = new java.util.LinkedHashMap<>();
		tokens.put("\"" + guess + "\"", Due.FORBIDDEN);
		tokens.put("\"garbage\"", Due.FORBIDDEN);
		tokens.put("\"\"", Due.REFUSED);
		tokens.put("\"" + "A".repeat(129) + "\"", Due.REFUSED);
		tokens.put("\"" + "t".repeat(1_000_000) + "\"", Due.REFUSED);
		tokens.put("\"%00../../etc/passwd\"", Due.FORBIDDEN);
		tokens.put("42", Due.REFUSED);
		tokens.put("[\"x\"]", Due.REFUSED);
		tokens.put("null", Due.REFUSED);
		tokens.forEach((token, due) -> {
			String what = token.length() > 40 ? "a token of " + token.length() + " characters" : "token " + token;
			mailProbe("verification with " + what, "POST", verify, due).body(JSON, bytes("{\"token\":" + token + "}"));
			mailProbe("reset with " + what, "POST", reset, due)
				.body(JSON, bytes("{\"token\":" + token + ",\"newPassword\":\"attackers-own-pass-1\"}"));
			mailProbe("e-mail change with " + what, "POST", change, due).as(targets.attacker())
				.body(JSON, bytes("{\"token\":" + token + "}"));
		});
		mailProbe("a weak password with a garbage reset link", "POST", reset, Due.REFUSED)
			.body(JSON, bytes("{\"token\":\"garbage\",\"newPassword\":\"1\"}"));
		mailProbe("an e-mail change without a token", "POST", "/api/v1/auth/me/email", Due.UNAUTHORIZED)
			.body(JSON, bytes("{\"newEmail\":\"x@example.com\",\"currentPassword\":\"x\"}"));
		mailProbe("an e-mail change link without a token", "POST", change, Due.UNAUTHORIZED)
			.body(JSON, bytes("{\"token\":\"" + links.victimsEmailChange() + "\"}"));
		mailProbe("a resend without a token", "POST", "/api/v1/auth/email-verification/resend", Due.UNAUTHORIZED);
		mailProbe("an e-mail change to the victim's address with a wrong password", "POST", "/api/v1/auth/me/email",
				Due.FORBIDDEN)
			.as(targets.attacker())
			.body(JSON, bytes("{\"newEmail\":\"" + links.victimEmail() + "\",\"currentPassword\":\"guess-" + random.nextInt()
					+ "\"}"));
		mailProbe("a reset for the victim's address", "POST", "/api/v1/auth/password-reset", Due.ANY)
			.body(JSON, bytes("{\"email\":\"" + links.victimEmail() + "\"}"));
		mailProbe("a reset for an address of 5 MB", "POST", "/api/v1/auth/password-reset", Due.REFUSED)
			.body(JSON, bytes("{\"email\":\"" + "e".repeat(5_000_000) + "@example.com\"}"));
	}

	// --- partner API clients -------------------------------------------------------------------------------------

	private void partner() {
		PartnerClients partner = targets.partner();
		String form = "application/x-www-form-urlencoded";
		String grant = "grant_type=client_credentials";
		tokenRequest("the victim's client with a guessed secret", basic(partner.victimClientId(), "hs_" + "A".repeat(43)),
				grant, Due.UNAUTHORIZED);
		tokenRequest("the secret a rotation replaced", basic(partner.fullClientId(), partner.rotatedAwaySecret()), grant,
				Due.UNAUTHORIZED);
		tokenRequest("an unknown client", basic("hc_" + "x".repeat(24), partner.readSecret()), grant, Due.UNAUTHORIZED);
		tokenRequest("a 10 KB client id", basic("hc_" + "x".repeat(10_000), "s"), grant, Due.REFUSED);
		tokenRequest("Basic credentials that are not Base64", "Basic %%%not-base64%%%", grant, Due.REFUSED);
		tokenRequest("Basic credentials without a colon", "Basic " + Base64.getEncoder()
			.encodeToString(bytes("hc_only-an-id")), grant, Due.REFUSED);
		tokenRequest("the password grant", basic(partner.readClientId(), partner.readSecret()),
				"grant_type=password&username=a&password=b", Due.REFUSED);
		tokenRequest("the authorization-code grant", basic(partner.readClientId(), partner.readSecret()),
				"grant_type=authorization_code&code=x&redirect_uri=https://attacker.example", Due.REFUSED);
		tokenRequest("no grant type", basic(partner.readClientId(), partner.readSecret()), "scope=predictions:read",
				Due.REFUSED);
		tokenRequest("a scope the client was not given", basic(partner.readClientId(), partner.readSecret()),
				grant + "&scope=jobs:write", Due.REFUSED);
		tokenRequest("a made-up scope", basic(partner.readClientId(), partner.readSecret()), grant + "&scope=admin",
				Due.REFUSED);
		tokenRequest("credentials in the header and in the form", basic(partner.readClientId(), partner.readSecret()),
				grant + "&client_id=" + partner.readClientId() + "&client_secret=" + partner.readSecret(), Due.REFUSED);
		tokenRequest("a 1 MB form", basic(partner.readClientId(), partner.readSecret()),
				grant + "&scope=" + "predictions:read+".repeat(60_000), Due.REFUSED);
		probes.add(Probe.of(PARTNER, "a JSON token request", "POST", TOKEN_ENDPOINT)
			.authorization(basic(partner.readClientId(), partner.readSecret()))
			.body(JSON, bytes("{\"grant_type\":\"client_credentials\"}"))
			.due(Due.REFUSED));
		probes.add(Probe.of(PARTNER, "a token request by GET", "GET", TOKEN_ENDPOINT + "?" + grant)
			.authorization(basic(partner.readClientId(), partner.readSecret()))
			.due(Due.REFUSED));
		probes.add(Probe.of(PARTNER, "the victim's client id and no secret", "POST", TOKEN_ENDPOINT)
			.body(form, bytes(grant + "&client_id=" + partner.victimClientId()))
			.due(Due.UNAUTHORIZED));

		// A read-only client's token beyond its scope, and on what no client may touch: 403, whatever it asks.
		Supplier<String> reader = partner.readToken();
		Multipart track = new Multipart().field("genre", "POP").file("audio", "own.wav", "audio/wav", song);
		probes.add(Probe.of(PARTNER, "analysing with a read-only client", "POST", PREDICTIONS).as(reader)
			.multipart(track)
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "a batch job with a read-only client", "POST", JOBS).as(reader)
			.multipart(new Multipart().field("genre", "POP").file("files", "own.wav", "audio/wav", song))
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "account deletion by a client", "DELETE", "/api/v1/auth/me").as(reader)
			.body(JSON, bytes("{\"currentPassword\":\"whatever-it-is\"}"))
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "a password change by a client", "POST", "/api/v1/auth/me/password").as(reader)
			.body(JSON, bytes("{\"currentPassword\":\"x\",\"newPassword\":\"a-new-long-password-1\"}"))
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "a client listing the member's clients", "GET", PARTNER_CLIENTS).as(reader)
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "a client making itself a new client", "POST", PARTNER_CLIENTS).as(reader)
			.body(JSON, bytes("{\"name\":\"escalate\",\"scopes\":[\"jobs:write\"]}"))
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "a client rotating its own secret", "POST",
				PARTNER_CLIENTS + "/" + partner.readClientId() + "/secret").as(reader).due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "a post by a client", "POST", POSTS).as(reader)
			.body(JSON, bytes("{\"title\":\"t\",\"body\":\"b\",\"category\":\"FEEDBACK\"}"))
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "publishing by a client", "PUT",
				PREDICTIONS + "/" + targets.attackerPrediction() + "/publication").as(reader)
			.multipart(new Multipart().file("audio", "own.wav", "audio/wav", song))
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "the administrators' member list by a client", "GET", "/api/v1/auth/admin/members")
			.as(reader)
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "the victim's analysis by a client", "GET",
				PREDICTIONS + "/" + targets.victimPrediction()).as(reader).due(Due.NOT_VISIBLE));
		probes.add(Probe.of(PARTNER, "the victim's job by a client", "GET", JOBS + "/" + targets.victimJob()).as(reader)
			.due(Due.NOT_VISIBLE));

		// The attacker, signed in, on the victim's client and on the approval queue.
		probes.add(Probe.of(PARTNER, "revoking the victim's client", "DELETE",
				PARTNER_CLIENTS + "/" + partner.victimClientId()).as(targets.attacker()).due(Due.NOT_VISIBLE));
		probes.add(Probe.of(PARTNER, "rotating the victim's client's secret", "POST",
				PARTNER_CLIENTS + "/" + partner.victimClientId() + "/secret").as(targets.attacker()).due(Due.NOT_VISIBLE));
		Map<String, String> clients = new LinkedHashMap<>();
		clients.put("a made-up scope", "{\"name\":\"x\",\"scopes\":[\"admin\"]}");
		clients.put("no scope", "{\"name\":\"x\",\"scopes\":[]}");
		clients.put("scopes as a string", "{\"name\":\"x\",\"scopes\":\"predictions:read\"}");
		clients.put("a 10 KB name", "{\"name\":\"" + "n".repeat(10_000) + "\",\"scopes\":[\"predictions:read\"]}");
		clients.put("a name as a number", "{\"name\":42,\"scopes\":[\"predictions:read\"]}");
		clients.put("10,000 scopes", "{\"name\":\"x\",\"scopes\":[" + "\"predictions:read\",".repeat(9_999)
				+ "\"predictions:read\"]}");
		clients.forEach((what, body) -> probes.add(Probe.of(PARTNER, "a client with " + what, "POST", PARTNER_CLIENTS)
			.as(targets.attacker())
			.body(JSON, bytes(body))
			.due(Due.REFUSED)));
		probes.add(Probe.of(PARTNER, "approving oneself as a partner", "POST",
				"/api/v1/auth/admin/partner-access/" + UUID.randomUUID() + "/approval").as(targets.attacker())
			.body(JSON, bytes("{}"))
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "the approval queue by a member", "GET", "/api/v1/auth/admin/partner-access")
			.as(targets.attacker())
			.due(Due.FORBIDDEN));
		// Usage reports: a span past what is kept, none at all, not a number, beyond int; and a client asking for it.
		for (String days : List.of("0", "-1", "91", "abc", "99999999999", "1e3", "%00")) {
			probes.add(Probe.of(PARTNER, "client usage over days=" + days, "GET", PREDICTIONS + "/client-usage?days=" + days)
				.as(targets.attacker())
				.due(Due.REFUSED));
		}
		probes.add(Probe.of(PARTNER, "client usage read by a client", "GET", PREDICTIONS + "/client-usage").as(reader)
			.due(Due.FORBIDDEN));
		// Webhook redelivery of the victim's job (its id is known): as the attacker and as the attacker's client.
		probes.add(Probe.of(PARTNER, "redelivering the victim's webhook", "POST",
				JOBS + "/" + targets.victimJob() + "/webhook-deliveries").as(targets.attacker()).due(Due.NOT_VISIBLE));
		probes.add(Probe.of(PARTNER, "the victim's webhook log by a client", "GET",
				JOBS + "/" + targets.victimJob() + "/webhook-deliveries").as(reader).due(Due.NOT_VISIBLE));
		// Rotating the system's signing keys: administrators only, never a member or a client.
		probes.add(Probe.of(PARTNER, "signing-key rotation by a member", "POST", "/api/v1/auth/admin/signing-keys/rotation")
			.as(targets.attacker())
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "signing-key rotation by a client", "POST", "/api/v1/auth/admin/signing-keys/rotation")
			.as(reader)
			.due(Due.FORBIDDEN));
		probes.add(Probe.of(PARTNER, "asking access again with a 1 MB purpose", "POST", "/api/v1/auth/partner-access")
			.as(targets.attacker())
			.body(JSON, bytes("{\"organisation\":\"o\",\"purpose\":\"" + "p".repeat(1_000_000) + "\"}"))
			.due(Due.REFUSED));
	}

	private void tokenRequest(String what, String authorization, String form, Due due) {
		probes.add(Probe.of(PARTNER, "token: " + what, "POST", TOKEN_ENDPOINT)
			.authorization(authorization)
			.body("application/x-www-form-urlencoded", bytes(form))
			.due(due));
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString(bytes(id + ":" + secret));
	}

	private Probe mailProbe(String what, String method, String path, Due due) {
		Probe probe = Probe.of(MAIL, what, method, path).due(due);
		probes.add(probe);
		return probe;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	/** {@code count} zero bytes, made as they are read. */
	private static final class Zeros extends InputStream {

		private long left;

		Zeros(long count) {
			this.left = count;
		}

		@Override
		public int read() {
			if (left <= 0) {
				return -1;
			}
			left--;
			return 0;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (left <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, left);
			java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
			left -= n;
			return n;
		}
	}
}
