package com.practicecal.shared.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries connect to the address the guard checked, never resolving the name again, and still verify TLS
 * against the host name: an HTTPS server on 127.0.0.1 with a certificate for {@code hooks.pinned.test}, a name no
 * DNS knows — the request can only arrive if the client used the given address, and the handshake only succeeds
 * if SNI and certificate check used the name.
 */
class PinnedHttpTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    Path dir;
    private HttpsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsToTheCheckedAddressWithTheHostNameForTlsAndHost() throws Exception {
        SSLContext serverTls = context(keyStore("hooks.pinned.test"), true);
        AtomicReference<String> host = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<String> signature = new AtomicReference<>();
        int port = start(serverTls, exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            signature.set(exchange.getRequestHeaders().getFirst("webhook-signature"));
            try (InputStream in = exchange.getRequestBody()) {
                body.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        PinnedHttp client = new PinnedHttp(context(keyStore("hooks.pinned.test"), false).getSocketFactory(),
                Duration.ofSeconds(5));
        // the name does not resolve anywhere: only the pinned address can be used
        assertThatThrownBy(() -> InetAddress.getAllByName("hooks.pinned.test")).isInstanceOf(java.io.IOException.class);
        int status = client.post(target("https://hooks.pinned.test:" + port + "/in?x=1"),
                Map.of("webhook-signature", "v1,abc"), "{\"type\":\"booking.created\"}");
        assertThat(status).isEqualTo(204);
        assertThat(host.get()).isEqualTo("hooks.pinned.test:" + port);
        assertThat(body.get()).isEqualTo("{\"type\":\"booking.created\"}");
        assertThat(signature.get()).isEqualTo("v1,abc");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        KeyStore other = keyStore("other.pinned.test");
        int port = start(context(other, true), exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        PinnedHttp client = new PinnedHttp(context(other, false).getSocketFactory(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.post(target("https://hooks.pinned.test:" + port + "/"), Map.of(), "{}"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static UrlGuard.Target target(String url) throws Exception {
        return new UrlGuard.Target(new URI(url), InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    }

    private int start(SSLContext tls, com.sun.net.httpserver.HttpHandler handler) throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", handler);
        server.start();
        return server.getAddress().getPort();
    }

    /** A self-signed certificate for {@code name} (keytool of the running JDK). */
    private KeyStore keyStore(String name) throws Exception {
        Path file = dir.resolve(name + ".p12");
        if (!Files.exists(file)) {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(keytool.waitFor()).as(output).isZero();
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static SSLContext context(KeyStore store, boolean server) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        if (server) {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            context.init(keys.getKeyManagers(), null, null);
        } else {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            context.init(null, trust.getTrustManagers(), null);
        }
        return context;
    }
}
