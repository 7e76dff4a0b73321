package com.practicecal.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.api.ApiResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The document and its ETag (domain), and the response the feeds handler builds from it (API layer). */
class FeedDocumentTest {
    private final FeedDocument document = FeedDocument.of("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

    /** What {@code FeedsHandler} answers. */
    private ApiResponse respond(Optional<String> ifNoneMatch) {
        return ApiResponse.tagged(document.matches(ifNoneMatch), document.body(), document.contentType(),
                document.etag(), FeedDocument.CACHE_CONTROL);
    }

    @Test
    void fullResponseIsTextCalendarWithStrongEtag() {
        ApiResponse response = respond(Optional.empty());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(document.body());
        assertThat(response.headers()).containsEntry("Content-Type", "text/calendar; charset=utf-8")
                .containsEntry("ETag", document.etag()).containsEntry("Cache-Control", "private, no-cache");
        assertThat(document.etag()).startsWith("\"").endsWith("\"");
    }

    @Test
    void matchingIfNoneMatchGives304WithoutBody() {
        for (String header : new String[] {document.etag(), "\"x\", " + document.etag(), "W/" + document.etag(), "*"}) {
            assertThat(document.matches(Optional.of(header))).as(header).isTrue();
            ApiResponse response = respond(Optional.of(header));
            assertThat(response.status()).as(header).isEqualTo(304);
            assertThat(response.body()).isNull();
            assertThat(response.headers()).containsEntry("ETag", document.etag()).doesNotContainKey("Content-Type");
        }
        assertThat(document.matches(Optional.of("\"other\""))).isFalse();
        assertThat(respond(Optional.of("\"other\"")).status()).isEqualTo(200);
    }

    @Test
    void linkIsOnTheGivenOrigin() {
        assertThat(FeedLinks.url("https://api.example.test", "tok")).isEqualTo("https://api.example.test/v1/public/feeds/tok.ics");
    }
}
