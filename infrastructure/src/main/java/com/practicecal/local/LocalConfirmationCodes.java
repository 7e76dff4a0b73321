package com.practicecal.local;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.error.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /_local/confirmation-code?email=...} of the local gateway only (never in template.yaml): the sign-up
 * code moto's patched Cognito generated for that address ({@code infrastructure/moto/signup_codes.py}), as
 * {@code {"code":"123456","expiresAt":"..."}}, for tests and the local web app; 404 when there is none (or the
 * endpoint is not the project's moto). The same codes are printed in moto's log.
 */
final class LocalConfirmationCodes {
    static final String PATH = "/_local/confirmation-code";
    private static final String MOTO_PATH = "/_practicecal/cognito/confirmation-code";

    private final Optional<URI> endpoint;
    private final Supplier<String> userPoolId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalConfirmationCodes(Optional<URI> endpoint, Supplier<String> userPoolId) {
        this.endpoint = endpoint;
        this.userPoolId = userPoolId;
    }

    static boolean serves(IncomingRequest request) {
        return request.method().equals("GET") && request.rawPath().equals(PATH);
    }

    GatewayResponse answer(IncomingRequest request) throws IOException {
        Optional<String> email = queryValue(request.rawQuery(), "email").flatMap(LocalConfirmationCodes::normalized);
        if (endpoint.isEmpty() || email.isEmpty()) {
            return GatewayResponse.gatewayMessage(404, "Not Found");
        }
        URI uri = URI.create(endpoint.get().toString().replaceAll("/+$", "") + MOTO_PATH + "?userPoolId="
                + encode(userPoolId.get()) + "&email=" + encode(email.get()));
        HttpResponse<byte[]> moto;
        try {
            moto = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (moto.statusCode() != 200) {
            return GatewayResponse.gatewayMessage(404, "Not Found");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("application/json")));
        headers.put("cache-control", new ArrayList<>(List.of("no-store")));
        return new GatewayResponse(200, headers, moto.body());
    }

    /** The address as the API keys it (a code is stored under that form). */
    private static Optional<String> normalized(String email) {
        try {
            return Optional.of(Check.email("email", email));
        } catch (ValidationException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<String> queryValue(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
