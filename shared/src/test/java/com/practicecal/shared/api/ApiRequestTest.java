package com.practicecal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.feed.CreateFeedRequest;
import com.practicecal.shared.room.RoomRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
    private static ApiRequest withQuery(Map<String, String> query) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withQueryStringParameters(query).build());
    }

    private static ApiRequest withBody(String body) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(false).build());
    }

    @Test
    void anEmptyQueryValueIsRefusedNamingTheParameter() {
        for (String empty : new String[] {"", " "}) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> withQuery(Map.of("to", empty)).query("to"));
            assertThat(e).isNotNull();
            assertThat(e.field()).isEqualTo("to");
            assertThat(e.status()).isEqualTo(422);
        }
        ValidationException required = catchThrowableOfType(ValidationException.class,
                () -> withQuery(Map.of("from", "")).requiredQuery("from"));
        assertThat(required.field()).isEqualTo("from");
    }

    @Test
    void anAbsentQueryParameterIsAbsent() {
        assertThat(withQuery(null).query("to")).isEmpty();
        assertThat(withQuery(Map.of("from", "x")).query("to")).isEmpty();
        assertThat(withQuery(Map.of("to", "2026-12-01T00:00:00Z")).query("to")).contains("2026-12-01T00:00:00Z");
    }

    @Test
    void aNullBodyIsMalformedNotAServerError() {
        for (String body : new String[] {"null", "[]", "\"x\"", "1"}) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> withBody(body).body(RoomRequest.class));
            assertThat(e).as(body).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCodes.MALFORMED_JSON);
            assertThat(ErrorMapper.toResponse(e, "r").status()).isEqualTo(422);
        }
    }

    @Test
    void originIsTheForwardedSchemeAndHost() {
        ApiRequest forwarded = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("x-forwarded-proto", "http", "host", "127.0.0.1:3000")).build());
        assertThat(forwarded.origin()).isEqualTo("http://127.0.0.1:3000");
        assertThat(new ApiRequest(APIGatewayV2HTTPEvent.builder().build()).origin()).isEqualTo("https://localhost");
    }

    @Test
    void anOptionalBodyIsTheDefaultOnlyWhenAbsentOrBlank() {
        for (String body : new String[] {null, "", "  "}) {
            assertThat(withBody(body).body(CreateFeedRequest.class, CreateFeedRequest::defaults).busy()).isFalse();
        }
        assertThat(withBody("{\"includeBusy\":true}").body(CreateFeedRequest.class, CreateFeedRequest::defaults).busy())
                .isTrue();
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> withBody("{\"includeBusy\":1}").body(CreateFeedRequest.class, CreateFeedRequest::defaults));
        assertThat(e.field()).isEqualTo("includeBusy");
    }
}
