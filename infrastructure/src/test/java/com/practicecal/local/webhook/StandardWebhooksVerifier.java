package com.practicecal.local.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of the Standard Webhooks signature, written independently of the sender's WebhookSigner with
 * plain javax.crypto. The README's "Webhooks" section shows the code between the README markers verbatim
 * ({@code ReadmeWebhookExampleTest} keeps them equal).
 */
final class StandardWebhooksVerifier {
    private StandardWebhooksVerifier() {
    }

    // README:begin
    /** true if one of the v1 signatures matches and the timestamp is within 5 minutes of now */
    static boolean verify(String secret, Map<String, String> headers, String body, long nowEpochSeconds)
            throws Exception {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        if (Math.abs(nowEpochSeconds - Long.parseLong(timestamp)) > 5 * 60) {
            return false; // stale or from the future: refuse replays
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }
    // README:end
}
