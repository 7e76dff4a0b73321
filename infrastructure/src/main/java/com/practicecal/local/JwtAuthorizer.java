package com.practicecal.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway's JWT authorizer, played locally: RS* signature against the issuer's JWKS (matched by {@code kid}),
 * {@code iss}, audience ({@code aud} if present, else {@code client_id}), {@code exp}, {@code nbf}, {@code iat},
 * plus Cognito's {@code token_use} (access or id). The JWKS location is configured apart from the issuer because
 * moto signs with the AWS-style issuer but serves the keys itself.
 */
public final class JwtAuthorizer {
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthorizer.class);
    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512);
    private static final Set<String> TOKEN_USES = Set.of("access", "id");
    /** An unknown kid refetches the keys (rotation), but not more often than this. */
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);

    private final String issuer;
    private final Set<String> audiences;
    private final URI jwksUri;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile JWKSet keys;
    private volatile Instant fetchedAt = Instant.EPOCH;

    public JwtAuthorizer(String issuer, Set<String> audiences, URI jwksUri, Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.jwksUri = jwksUri;
        this.clock = clock;
    }

    public String issuer() {
        return issuer;
    }

    public Set<String> audiences() {
        return audiences;
    }

    public URI jwksUri() {
        return jwksUri;
    }

    /** The outcome for one request. Denials carry API Gateway's explanation (sent in {@code www-authenticate}). */
    public sealed interface Result {
    }

    /** Claims as API Gateway passes them to the function: every value a string. */
    public record Allowed(Map<String, String> claims, List<String> scopes) implements Result {
    }

    public record Denied(String reason) implements Result {
    }

    /** @param authorization the Authorization header: the token, with or without {@code Bearer } (like API Gateway) */
    public Result authorize(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Denied("no token was provided");
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        SignedJWT jwt;
        Map<String, Object> claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getPayload().toJSONObject();
        } catch (ParseException | RuntimeException malformed) {
            return new Denied("the token could not be parsed");
        }
        if (claims == null) {
            return new Denied("the token could not be parsed");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!RSA_ALGORITHMS.contains(algorithm)) {
            return new Denied("signing method " + algorithm + " is invalid");
        }
        RSAKey key = key(jwt.getHeader().getKeyID());
        if (key == null) {
            return new Denied("the token's kid does not match a key of the issuer");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                return new Denied("the token signature is invalid");
            }
        } catch (JOSEException e) {
            return new Denied("the token signature is invalid");
        }
        return checkClaims(claims);
    }

    private Result checkClaims(Map<String, Object> claims) {
        if (!issuer.equals(claims.get("iss"))) {
            return new Denied("the token does not have a valid issuer");
        }
        Object audience = claims.containsKey("aud") ? claims.get("aud") : claims.get("client_id");
        List<?> presented = audience instanceof List<?> list ? list : audience == null ? List.of() : List.of(audience);
        if (presented.stream().noneMatch(audiences::contains)) {
            return new Denied("the token does not have a valid audience");
        }
        long now = clock.instant().getEpochSecond();
        Long exp = seconds(claims.get("exp"));
        if (exp == null || now >= exp) {
            return new Denied("the token has expired");
        }
        Long nbf = seconds(claims.get("nbf"));
        if (nbf != null && now < nbf) {
            return new Denied("the token is not valid yet");
        }
        Long iat = seconds(claims.get("iat"));
        if (iat != null && iat > now) {
            return new Denied("the token was issued in the future");
        }
        if (!TOKEN_USES.contains(String.valueOf(claims.get("token_use")))) {
            return new Denied("the token is neither an access nor an id token");
        }
        Map<String, String> asStrings = new LinkedHashMap<>();
        claims.forEach((name, value) -> asStrings.put(name, claimString(value)));
        Object scope = claims.get("scope");
        List<String> scopes = scope instanceof String s && !s.isBlank() ? Arrays.asList(s.strip().split("\\s+")) : null;
        return new Allowed(asStrings, scopes);
    }

    private static Long seconds(Object claim) {
        return claim instanceof Number n ? n.longValue() : null;
    }

    /** API Gateway flattens claims: numbers and booleans as text, arrays as {@code [a b]}, objects as JSON. */
    static String claimString(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(JwtAuthorizer::claimString).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> object = (Map<String, ?>) map;
            return JSONObjectUtils.toJSONString(object);
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    private RSAKey key(String kid) {
        JWK key = cachedKey(kid);
        if (key == null && Duration.between(fetchedAt, clock.instant()).compareTo(REFETCH_INTERVAL) > 0) {
            refresh();
            key = cachedKey(kid);
        }
        return key instanceof RSAKey rsa ? rsa : null;
    }

    private JWK cachedKey(String kid) {
        JWKSet current = keys;
        return current == null || kid == null ? null : current.getKeyByKeyId(kid);
    }

    private synchronized void refresh() {
        if (keys != null && Duration.between(fetchedAt, clock.instant()).compareTo(REFETCH_INTERVAL) <= 0) {
            return; // another thread just fetched them
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwksUri)
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            keys = JWKSet.parse(response.body());
        } catch (IOException | ParseException e) {
            LOG.warn("cannot fetch the JWKS from {}: {}", jwksUri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fetchedAt = clock.instant();
        }
    }

    @Override
    public String toString() {
        return "JwtAuthorizer[issuer=" + issuer + ", audiences=" + audiences + ", jwks=" + jwksUri + "]";
    }
}
