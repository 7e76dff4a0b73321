package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authorizer against its own JWKS endpoint: every rule API Gateway applies, one test each. */
class JwtAuthorizerTest {
    private static final String ISSUER = "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_test";
    private static final String CLIENT = "app-client";
    private static RSAKey key;
    private static HttpServer jwks;
    private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    private static JwtAuthorizer authorizer;

    @BeforeAll
    static void publishKeys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("dummy").generate();
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/", exchange -> {
            JWKS_FETCHES.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        authorizer = new JwtAuthorizer(ISSUER, Set.of(CLIENT),
                URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/pool/.well-known/jwks.json"),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    private static Map<String, Object> accessClaims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "user-1");
        claims.put("client_id", CLIENT);
        claims.put("token_use", "access");
        claims.put("scope", "aws.cognito.signin.user.admin");
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("cognito:groups", List.of("owners", "staff"));
        return claims;
    }

    private static String token(Consumer<Map<String, Object>> change) {
        return sign(change, key);
    }

    private static String sign(Consumer<Map<String, Object>> change, RSAKey signingKey) {
        try {
            Map<String, Object> claims = accessClaims();
            change.accept(claims);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .build(), JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String denial(String header) {
        JwtAuthorizer.Result result = authorizer.authorize(header);
        assertThat(result).isInstanceOf(JwtAuthorizer.Denied.class);
        return ((JwtAuthorizer.Denied) result).reason();
    }

    @Test
    void validAccessTokenPassesClaimsAsStrings() {
        JwtAuthorizer.Result result = authorizer.authorize("Bearer " + token(c -> { }));
        assertThat(result).isInstanceOfSatisfying(JwtAuthorizer.Allowed.class, allowed -> {
            assertThat(allowed.claims()).containsEntry("sub", "user-1").containsEntry("token_use", "access")
                    .containsEntry("cognito:groups", "[owners staff]");
            assertThat(allowed.claims().get("exp")).matches("\\d+");
            assertThat(allowed.scopes()).containsExactly("aws.cognito.signin.user.admin");
        });
    }

    @Test
    void idTokenWithAudienceAndTokenWithoutBearerPrefixPass() {
        String idToken = token(c -> {
            c.remove("client_id");
            c.remove("scope");
            c.put("aud", CLIENT);
            c.put("token_use", "id");
        });
        assertThat(authorizer.authorize(idToken)).isInstanceOf(JwtAuthorizer.Allowed.class);
    }

    @Test
    void missingOrGarbageTokens() {
        assertThat(denial(null)).contains("no token");
        assertThat(denial("")).contains("no token");
        assertThat(denial("Bearer not-a-jwt")).contains("parsed");
        assertThat(denial("Bearer a.b.c")).contains("parsed");
    }

    @Test
    void wrongAudienceEvenIfClientIdWouldMatch() {
        assertThat(denial(token(c -> c.put("client_id", "other")))).contains("audience");
        // API Gateway evaluates aud when present, client_id only without it
        assertThat(denial(token(c -> c.put("aud", "other")))).contains("audience");
    }

    @Test
    void timeClaims() {
        long now = Instant.now().getEpochSecond();
        assertThat(denial(token(c -> c.put("exp", now - 1)))).contains("expired");
        assertThat(denial(token(c -> c.remove("exp")))).contains("expired");
        assertThat(denial(token(c -> c.put("nbf", now + 600)))).contains("not valid yet");
        assertThat(denial(token(c -> c.put("iat", now + 600)))).contains("future");
    }

    @Test
    void issuerAndTokenUse() {
        assertThat(denial(token(c -> c.put("iss", ISSUER + "x")))).contains("issuer");
        assertThat(denial(token(c -> c.put("token_use", "refresh")))).contains("access nor an id");
    }

    @Test
    void signatureMustComeFromThePublishedKey() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("dummy").generate();
        assertThat(denial(sign(c -> { }, stranger))).contains("signature");
        RSAKey unknownKid = new RSAKeyGenerator(2048).keyID("other").generate();
        assertThat(denial(sign(c -> { }, unknownKid))).contains("kid");
    }

    @Test
    void onlyRsaAlgorithms() throws Exception {
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("dummy").build(),
                JWTClaimsSet.parse(accessClaims()));
        hs256.sign(new MACSigner(new byte[32]));
        assertThat(denial(hs256.serialize())).contains("HS256");
    }

    @Test
    void keysAreCachedNotFetchedPerRequest() {
        authorizer.authorize(token(c -> { }));
        int before = JWKS_FETCHES.get();
        for (int i = 0; i < 20; i++) {
            authorizer.authorize(token(c -> { }));
        }
        assertThat(JWKS_FETCHES.get()).isEqualTo(before);
    }

    @Test
    void claimFlattening() {
        assertThat(JwtAuthorizer.claimString(List.of("a", "b"))).isEqualTo("[a b]");
        assertThat(JwtAuthorizer.claimString(42L)).isEqualTo("42");
        assertThat(JwtAuthorizer.claimString(true)).isEqualTo("true");
        assertThat(JwtAuthorizer.claimString(Map.of("k", "v"))).isEqualTo("{\"k\":\"v\"}");
    }
}
