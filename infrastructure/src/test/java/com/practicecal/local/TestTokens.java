package com.practicecal.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Tokens the authorizer must refuse. Starting from a real Cognito token, claims are changed and the token is
 * re-signed: with moto's own signing key (shipped in the moto package, so it verifies against moto's JWKS) when
 * only the claim should be wrong (expired, wrong audience), or with a fresh key for a wrong signature.
 */
public final class TestTokens {
    private static final String MOTO_KEY = "cognitoidp/resources/jwks-private.json";
    private static volatile RSAKey motoKey;

    /** The claims of a token as a mutable map (numbers stay numbers). */
    public static Map<String, Object> claimsOf(String token) {
        try {
            return new LinkedHashMap<>(SignedJWT.parse(token).getPayload().toJSONObject());
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    /** Same claims, signed by moto's key after {@code change}: only the changed claim makes it invalid. */
    public static String resigned(String token, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = claimsOf(token);
        change.accept(claims);
        return sign(claims, motoKey());
    }

    public static String expired(String token) {
        long now = Instant.now().getEpochSecond();
        return resigned(token, c -> {
            c.put("iat", now - 7200);
            c.put("auth_time", now - 7200);
            c.put("exp", now - 3600);
        });
    }

    public static String notYetValid(String token) {
        return resigned(token, c -> c.put("nbf", Instant.now().getEpochSecond() + 3600));
    }

    /** {@code aud} for id tokens, {@code client_id} for access tokens, set to another app client. */
    public static String withWrongAudience(String token) {
        return resigned(token, c -> c.put(c.containsKey("aud") ? "aud" : "client_id", "some-other-app-client"));
    }

    public static String withIssuer(String token, String issuer) {
        return resigned(token, c -> c.put("iss", issuer));
    }

    /** Valid claims, but signed with a key the issuer never published (same kid as moto's). */
    public static String signedWithAnotherKey(String token) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(motoKey().getKeyID()).generate();
            return sign(claimsOf(token), stranger);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(Map<String, Object> claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /** moto's Cognito signing key, read from the installed moto package. */
    static RSAKey motoKey() {
        RSAKey key = motoKey;
        if (key == null) {
            synchronized (TestTokens.class) {
                if (motoKey == null) {
                    motoKey = loadMotoKey();
                }
                key = motoKey;
            }
        }
        return key;
    }

    private static RSAKey loadMotoKey() {
        Path moto = motoPackage();
        Path plain = moto.resolve(MOTO_KEY);
        Path gzipped = moto.resolve(MOTO_KEY + ".gz");
        try {
            String json;
            if (Files.isRegularFile(gzipped)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                json = Files.readString(plain);
            }
            return RSAKey.parse(json);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read moto's signing key under " + moto, e);
        }
    }

    /** Asks the project's Python (.venv first, as ./dev creates it) where moto is installed. */
    private static Path motoPackage() {
        List<String> pythons = new ArrayList<>();
        pythons.add(RepoRoot.locate().resolve(".venv/bin/python").toString());
        String configured = System.getenv("MOTO_PYTHON");
        if (configured != null && !configured.isBlank()) {
            pythons.add(configured);
        }
        pythons.add("python3");
        List<String> tried = new ArrayList<>();
        for (String python : pythons) {
            if (python.contains("/") && !Files.isExecutable(Path.of(python))) {
                continue;
            }
            try {
                Process process = new ProcessBuilder(python, "-c",
                        "import moto, os; print(os.path.dirname(moto.__file__))").redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && !output.isEmpty()) {
                    return Path.of(output.lines().reduce((a, b) -> b).orElseThrow());
                }
                tried.add(python);
            } catch (IOException e) {
                tried.add(python + " (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no Python with moto found (tried " + tried + "); run ./dev test, or set "
                + "MOTO_PYTHON to a python that has moto installed");
    }

    private TestTokens() {
    }
}
