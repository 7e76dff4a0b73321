package com.practicecal.shared.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to the address {@link UrlGuard} checked — never a second name resolution, so DNS rebinding
 * between check and connect cannot redirect a delivery. For https the TLS handshake still names the host: SNI
 * carries it and the certificate is verified against it (endpoint identification "HTTPS"), as a browser would.
 * Only the status code is read; redirects are therefore never followed.
 */
final class PinnedHttp {
    private final SSLSocketFactory tls;
    private final Duration timeout;

    PinnedHttp(SSLSocketFactory tls, Duration timeout) {
        this.tls = tls;
        this.timeout = timeout;
    }

    /** @return the response's status code */
    int post(UrlGuard.Target target, Map<String, String> headers, String body) throws IOException {
        URI uri = target.uri();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() != -1 ? uri.getPort() : (https ? 443 : 80);
        int millis = (int) timeout.toMillis();
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(target.address(), port), millis);
            raw.setSoTimeout(millis);
            Socket socket = raw;
            if (https) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(raw, name, port, true);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!isLiteral(name)) {
                    parameters.setServerNames(List.of(new SNIHostName(name)));
                }
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
                socket = ssl;
            }
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            request.append("POST ").append(path).append(" HTTP/1.1\r\n");
            request.append("Host: ").append(host).append(uri.getPort() != -1 ? ":" + port : "").append("\r\n");
            headers.forEach((header, value) -> request.append(clean(header)).append(": ").append(clean(value))
                    .append("\r\n"));
            request.append("Content-Length: ").append(payload.length).append("\r\n");
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return statusCode(new BufferedInputStream(socket.getInputStream()));
        } finally {
            raw.close();
        }
    }

    private static int statusCode(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n' && line.size() < 1024; c = in.read()) {
            line.write(c);
        }
        String status = line.toString(StandardCharsets.ISO_8859_1).trim();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].toUpperCase(Locale.ROOT).startsWith("HTTP/1.")
                || !parts[1].matches("[1-5][0-9][0-9]")) {
            throw new IOException("not an HTTP/1.x response");
        }
        return Integer.parseInt(parts[1]);
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /** Header names and values never carry line breaks (they are ours, but a request must not be splittable). */
    private static String clean(String value) {
        return value.replace("\r", "").replace("\n", "");
    }
}
