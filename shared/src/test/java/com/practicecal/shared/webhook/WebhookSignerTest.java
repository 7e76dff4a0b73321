package com.practicecal.shared.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    /** The Standard Webhooks specification's published test vector. */
    @Test
    void reproducesTheSpecificationsTestVector() {
        assertThat(WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretSpaceSeparatedCurrentFirst() {
        String current = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        String header = WebhookSigner.signatureHeader(List.of(current, previous), "msg_1", 1700000000L, "{}");
        assertThat(header.split(" ")).containsExactly(WebhookSigner.sign(current, "msg_1", 1700000000L, "{}"),
                WebhookSigner.sign(previous, "msg_1", 1700000000L, "{}"));
    }

    @Test
    void secretsAreWhsecWith32RandomBytes() {
        String a = WebhookSigner.newSecret();
        assertThat(a).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(a);
    }

    @Test
    void previousSecretSignsOnlyDuringItsGracePeriod() {
        var now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        Endpoint e = new Endpoint("w", "a", "https://x.test", List.of("booking.created"), true, "whsec_AAAA",
                "whsec_BBBB", now.plusSeconds(60), null, null, now, now);
        assertThat(e.signingSecrets(now)).containsExactly("whsec_AAAA", "whsec_BBBB");
        assertThat(e.signingSecrets(now.plusSeconds(60))).containsExactly("whsec_AAAA");
    }
}
