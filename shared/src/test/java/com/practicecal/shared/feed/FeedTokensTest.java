package com.practicecal.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedTokensTest {
    @Test
    void tokensCarry256RandomBitsAndAreStoredOnlyAsHash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = FeedTokens.newToken();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(seen.add(token)).isTrue();
        }
        String token = FeedTokens.newToken();
        assertThat(FeedTokens.hash(token)).hasSize(64).doesNotContain(token).isEqualTo(FeedTokens.hash(token));
    }

    @Test
    void onlyTokenDotIcsIsAcceptedAsFileName() {
        String token = FeedTokens.newToken();
        assertThat(FeedTokens.fromFileName(token + ".ics")).contains(token);
        assertThat(FeedTokens.fromFileName(token)).isEmpty();
        assertThat(FeedTokens.fromFileName(token + ".json")).isEmpty();
        assertThat(FeedTokens.fromFileName("abc.ics")).isEmpty();
        assertThat(FeedTokens.fromFileName("../" + token.substring(3) + ".ics")).isEmpty();
        assertThat(FeedTokens.fromFileName(null)).isEmpty();
    }
}
