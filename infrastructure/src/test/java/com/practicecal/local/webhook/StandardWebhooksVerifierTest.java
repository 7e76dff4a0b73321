package com.practicecal.local.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test's independent verifier against the specification's published vector, and the README showing it. */
class StandardWebhooksVerifierTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final Map<String, String> HEADERS = Map.of("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "webhook-timestamp", "1614265330",
            "webhook-signature", "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

    @Test
    void acceptsTheSpecificationsTestVector() throws Exception {
        assertThat(StandardWebhooksVerifier.verify(SECRET, HEADERS, BODY, 1614265330L)).isTrue();
    }

    @Test
    void refusesTamperedBodiesStaleTimestampsAndMissingHeaders() throws Exception {
        assertThat(StandardWebhooksVerifier.verify(SECRET, HEADERS, "{\"test\": 2432232315}", 1614265330L)).isFalse();
        assertThat(StandardWebhooksVerifier.verify(SECRET, HEADERS, BODY, 1614265330L + 301)).isFalse();
        assertThat(StandardWebhooksVerifier.verify(SECRET, Map.of("webhook-id", "x"), BODY, 1614265330L)).isFalse();
    }

    @Test
    void theReadmeShowsExactlyThisVerifier() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        String source = Files.readString(Path.of(System.getProperty("user.dir"),
                "src/test/java/com/practicecal/local/webhook/StandardWebhooksVerifier.java"));
        String example = source.substring(source.indexOf("// README:begin") + "// README:begin\n".length(),
                source.indexOf("    // README:end"));
        String readme = Files.readString(root.resolve("README.md"));
        String unindented = example.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(readme).contains(unindented);
    }
}
