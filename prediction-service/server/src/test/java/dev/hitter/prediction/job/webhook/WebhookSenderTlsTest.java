package dev.hitter.prediction.job.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;

import dev.hitter.prediction.job.webhook.WebhookSender.Attempt;

/**
 * Connecting to the checked address must not cost TLS its host check: the certificate is verified against the URL's
 * host name, which is also sent as SNI, although the socket goes to an address our resolver gave.
 */
class WebhookSenderTlsTest {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private static final String RECEIVER = "receiver.label.example";

	private static final byte[] BODY = "{\"job\":\"42\"}".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	private HttpsServer server;

	private final List<String> serverNames = new CopyOnWriteArrayList<>();

	private WebhookSender sender;

	@BeforeEach
	void startTlsReceiver() throws Exception {
		KeyStore keys = selfSignedFor(RECEIVER);
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD);
		SSLContext serverTls = SSLContext.getInstance("TLS");
		serverTls.init(keyManagers.getKeyManagers(), null, null);
		server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession()).getRequestedServerNames()
				.forEach(name -> serverNames.add(((SNIHostName) name).getAsciiName()));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();

		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keys);
		SSLContext clientTls = SSLContext.getInstance("TLS");
		clientTls.init(null, trust.getTrustManagers(), null);
		// Every name resolves to this machine, as a partner's name resolves to its receiver.
		WebhookAddressPolicy local = new WebhookAddressPolicy(true,
				host -> new InetAddress[] { InetAddress.getLoopbackAddress() });
		sender = new WebhookSender(local, Duration.ofSeconds(5), clientTls);
	}

	@AfterEach
	void stop() throws IOException {
		server.stop(0);
		sender.close();
	}

	@Test
	void verifiesTheCertificateAgainstTheUrlsHostAndSendsItAsSni() {
		Attempt attempt = sender.send(url(RECEIVER), WebhookSignature.newSecret(), "job.finished", "d-1", BODY);

		assertThat(attempt).isEqualTo(new Attempt(true, false, 204, null));
		assertThat(serverNames).containsExactly(RECEIVER);
	}

	@Test
	void refusesACertificateForAnotherHostAtTheSameAddress() {
		Attempt attempt = sender.send(url("impostor.label.example"), WebhookSignature.newSecret(), "job.finished",
				"d-1", BODY);

		assertThat(attempt.delivered()).isFalse();
		assertThat(attempt.retryable()).isTrue();
		assertThat(attempt.error()).isEqualTo("TLS handshake failed");
		assertThat(serverNames).isEmpty();
	}

	private URI url(String host) {
		return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/hook");
	}

	/** A key pair and a certificate naming {@code host}, made by the JDK's own keytool. */
	private KeyStore selfSignedFor(String host) throws IOException, InterruptedException, GeneralSecurityException {
		Path store = dir.resolve("receiver.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + host,
				"-ext", "SAN=dns:" + host, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
				"-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(output).isZero();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, PASSWORD);
		}
		return keys;
	}
}
