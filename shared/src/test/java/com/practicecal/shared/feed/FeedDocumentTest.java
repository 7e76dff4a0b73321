package com.practicecal.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.api.ApiResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedDocumentTest {
    private final FeedDocument document = FeedDocument.of("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

    @Test
    void fullResponseIsTextCalendarWithStrongEtag() {
        ApiResponse response = document.toResponse(Optional.empty());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(document.body());
        assertThat(response.headers()).containsEntry("Content-Type", "text/calendar; charset=utf-8")
                .containsEntry("ETag", document.etag());
        assertThat(document.etag()).startsWith("\"").endsWith("\"");
    }

    @Test
    void matchingIfNoneMatchGives304WithoutBody() {
        for (String header : new String[] {document.etag(), "\"x\", " + document.etag(), "W/" + document.etag(), "*"}) {
            ApiResponse response = document.toResponse(Optional.of(header));
            assertThat(response.status()).as(header).isEqualTo(304);
            assertThat(response.body()).isNull();
            assertThat(response.headers()).containsEntry("ETag", document.etag()).doesNotContainKey("Content-Type");
        }
        assertThat(document.toResponse(Optional.of("\"other\"")).status()).isEqualTo(200);
    }
}
