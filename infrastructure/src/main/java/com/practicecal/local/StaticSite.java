package com.practicecal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The built web app ({@code frontend/dist}) served next to the API on the same origin, as CloudFront does in
 * production: files as they are, every other GET outside the API's prefixes answered with {@code index.html} (the
 * app's client routes such as {@code /book/...} or {@code /calendar}), and the security headers of the production
 * response-headers policy, so that a script the CSP would block fails locally too.
 */
final class StaticSite {
    /** Paths the app never owns: unknown API routes keep the gateway's JSON 404. */
    private static final List<String> NOT_APP = List.of("/v1/", "/_local/");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain"),
            Map.entry("map", "application/json"), Map.entry("webmanifest", "application/manifest+json"));

    private final Path root;
    private final String connectSrc;

    /**
     * @param root       the build output (must hold index.html when a request comes)
     * @param connectSrc extra CSP connect-src sources besides 'self' (the Cognito endpoint the app logs in at)
     */
    StaticSite(Path root, String connectSrc) {
        this.root = root.toAbsolutePath().normalize();
        this.connectSrc = connectSrc == null ? "" : connectSrc.trim();
    }

    static boolean mayServe(String method, String rawPath) {
        return (method.equals("GET") || method.equals("HEAD")) && NOT_APP.stream().noneMatch(rawPath::startsWith)
                && !rawPath.equals("/v1");
    }

    /** The file for the path, {@code index.html} for client routes; empty when the app is not built. */
    Optional<GatewayResponse> serve(String rawPath) throws IOException {
        String path = PercentDecoding.path(rawPath);
        Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
        boolean asset = file.startsWith(root) && Files.isRegularFile(file);
        if (!asset) {
            if (lastSegment(path).contains(".") && !path.endsWith(".html")) {
                // a missing asset is a 404, not the app (a stale index.html would load the wrong bundle)
                return Optional.of(GatewayResponse.gatewayMessage(404, "Not Found"));
            }
            file = root.resolve("index.html");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of(TYPES.getOrDefault(extension, "application/octet-stream"))));
        // hashed bundles never change; index.html must always be revalidated so a new build is picked up
        boolean immutable = file.startsWith(root.resolve("assets"));
        headers.put("cache-control", new ArrayList<>(List.of(immutable ? "public, max-age=31536000, immutable" : "no-cache")));
        securityHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(List.of(v))));
        return Optional.of(new GatewayResponse(200, headers, Files.readAllBytes(file)));
    }

    /** The same policy template.yaml gives CloudFront (AppSecurityHeaders). */
    Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-security-policy", contentSecurityPolicy(connectSrc));
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        headers.put("referrer-policy", "strict-origin-when-cross-origin");
        return headers;
    }

    static String contentSecurityPolicy(String connectSrc) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'" + (connectSrc.isBlank() ? "" : " " + connectSrc)
                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    }

    private static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
