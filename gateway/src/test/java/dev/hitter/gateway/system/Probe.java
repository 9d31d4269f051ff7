package dev.hitter.gateway.system;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One hostile request of the campaign: its kind, what it tries, how it is sent and which answer is due. Built
 * lazily ({@link Supplier}s) because access tokens live seconds and bodies may be large.
 */
final class Probe {

	final HostileKind kind;

	final String what;

	final String method;

	final String path;

	private String contentType;

	private Supplier<BodyPublisher> body = HttpRequest.BodyPublishers::noBody;

	private Supplier<String> authorization = () -> null;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private Due due = Due.REFUSED;

	private boolean quick = true;

	private boolean storesText;

	private Probe(HostileKind kind, String what, String method, String path) {
		this.kind = kind;
		this.what = what;
		this.method = method;
		this.path = path;
	}

	static Probe of(HostileKind kind, String what, String method, String path) {
		return new Probe(kind, what, method, path);
	}

	Probe body(String type, byte[] bytes) {
		this.contentType = type;
		this.body = () -> HttpRequest.BodyPublishers.ofByteArray(bytes);
		return this;
	}

	Probe body(String type, Supplier<BodyPublisher> publisher) {
		this.contentType = type;
		this.body = publisher;
		return this;
	}

	Probe multipart(Multipart form) {
		return body(form.contentType(), form.body());
	}

	Probe as(Supplier<String> bearerToken) {
		this.authorization = () -> {
			String token = bearerToken.get();
			return token == null ? null : "Bearer " + token;
		};
		return this;
	}

	Probe authorization(String header) {
		this.authorization = () -> header;
		return this;
	}

	Probe header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	Probe due(Due answer) {
		this.due = answer;
		return this;
	}

	/** The service may decode or analyse this one, or it is large to send: it gets the analysis time limit. */
	Probe slow() {
		this.quick = false;
		return this;
	}

	/**
	 * The request stores text that its answer gives back by design (a post's body): markup in it is the member's
	 * content, harmless in a JSON answer the browser will not sniff as a page, and rendered inert by the web app.
	 */
	Probe storesText() {
		this.storesText = true;
		return this;
	}

	boolean givesBackStoredText() {
		return storesText;
	}

	Due due() {
		return due;
	}

	boolean quick() {
		return quick;
	}

	String authorization() {
		return authorization.get();
	}

	HttpRequest.Builder request(String gateway, java.time.Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(gateway + path)).timeout(timeout);
		String auth = authorization.get();
		if (auth != null) {
			request.header("Authorization", auth);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		return request.method(method, body.get());
	}

	@Override
	public String toString() {
		return kind.label() + " " + method + " " + path + " (" + what + ")";
	}

	/** The answer a probe is owed. Whatever is due, no probe may get a 5xx. */
	enum Due {

		/** Any refusal, 400–499. */
		REFUSED,
		/** 401: the token is not one the system issued, or no longer valid. */
		UNAUTHORIZED,
		/** 403: the caller is known but not allowed. */
		FORBIDDEN,
		/** 404: another member's private resource is no one's business, not even that it exists. */
		NOT_VISIBLE,
		/** A refusal, or a 2xx whose audio part says the track was truncated (docs/problems.md). */
		REFUSED_OR_SAID_TRUNCATED,
		/** The request may be accepted (e.g. a batch job whose audio is only read later); no 5xx, errors well-formed. */
		ANY;
	}
}
