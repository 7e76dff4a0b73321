package com.practicecal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.account.SignupRequest;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static String fieldOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.field() == null ? "<none>" : e.field();
        }
        throw new AssertionError("no validation error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"email\":\"x\",\"password\":\"Abcdefghij1\",\"practiceName\":\"P\",\"plan\":\"S\"}|email",
        "{\"email\":\"a@b.de\",\"password\":\"short\",\"practiceName\":\"P\",\"plan\":\"S\"}|password",
        "{\"email\":\"a@b.de\",\"password\":\"Abcdefghij1\",\"practiceName\":\"\",\"plan\":\"S\"}|practiceName",
        "{\"email\":\"a@b.de\",\"password\":\"Abcdefghij1\",\"practiceName\":\"P\",\"plan\":\"XXL\"}|plan",
        "{\"email\":\"a@b.de\",\"password\":\"Abcdefghij1\",\"practiceName\":\"P\",\"plan\":\"S\",\"timeZone\":\"Mars/Base\"}|timeZone",
        "{\"email\":\"a@b.de\",\"password\":\"Abcdefghij1\",\"practiceName\":\"P\",\"plan\":\"S\",\"admin\":true}|admin",
        "{\"email\":[1],\"password\":\"Abcdefghij1\",\"practiceName\":\"P\",\"plan\":\"S\"}|email",
        "[]|<none>",
        "{not json|<none>",
    })
    void signupErrorsNameTheField(String body, String field) {
        assertThat(fieldOf(() -> Json.read(body, SignupRequest.class).validate())).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-12-01T10:00:00+01:00|2026-12-01T10:00:00+01:00|end",
        "2026-12-01T10:00:00+01:00|2026-12-01T23:00:00+01:00|end",
        "2026-12-01 10:00|2026-12-01T11:00:00+01:00|start",
        "2026-12-01T10:00:00|2026-12-01T11:00:00+01:00|start",
    })
    void bookingIntervalErrorsNameTheField(String start, String end, String field) {
        var request = new CreateBookingRequest("room1", start, end,
                new com.practicecal.shared.booking.ClientRequest("Erika Mustermann", null, null));
        assertThat(fieldOf(request::validate)).isEqualTo(field);
    }

    @Test
    void clientFieldsAreChecked() {
        assertThat(fieldOf(() -> new com.practicecal.shared.booking.ClientRequest("Erika", "not-an-email", null).validate()))
                .isEqualTo("client.email");
        assertThat(fieldOf(() -> new com.practicecal.shared.booking.ClientRequest("Eri\u0000ka", null, null).validate()))
                .isEqualTo("client.name");
        assertThat(fieldOf(() -> new com.practicecal.shared.booking.ClientRequest("Erika", null, "call me").validate()))
                .isEqualTo("client.phone");
    }

    @Test
    void errorMapperNeverLeaksInternals() {
        ApiResponse response = ErrorMapper.toResponse(new IllegalStateException("secret table name xyz"), "req-1");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).contains("\"code\":\"INTERNAL\"").contains("req-1").doesNotContain("xyz")
                .doesNotContain("Exception");
    }

    @Test
    void validationErrorsBecome422WithField() {
        ApiResponse response = ErrorMapper.toResponse(new ValidationException("client.email", "is not valid"), "r");
        assertThat(response.status()).isEqualTo(422);
        assertThat(Json.tree(response.body()).at("/error/field").asText()).isEqualTo("client.email");
        assertThatThrownBy(() -> Json.read("", SignupRequest.class)).isInstanceOf(ValidationException.class);
    }
}
