package com.practicecal.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.practicecal.shared.account.SignupRequest;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.feed.CreateFeedRequest;
import com.practicecal.shared.grant.GrantRequest;
import com.practicecal.shared.online.BookingSettingsRequest;
import com.practicecal.shared.practice.PracticeRequests;
import com.practicecal.shared.room.RoomRequest;
import com.practicecal.shared.room.RoomUpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies are read strictly: the JSON a client sent is exactly the declared shape, or a 422. */
class StrictJsonTest {
    private static ValidationException refusal(String body, Class<?> type) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Json.read(body, type));
        assertThat(e).as("%s must be refused as %s", body, type.getSimpleName()).isNotNull();
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", " null ", "[]", "[{\"name\":\"A\"}]", "\"Raum\"", "5", "5.5", "true", "false",
        "{\"name\":\"A\"} {\"name\":\"B\"}", "{\"name\":\"A\"} x", "{not json", "{\"name\":\"A\"", "", "   ",
        "/* c */ {\"name\":\"A\"}"})
    void anythingButOneJsonObjectIsMalformed(String body) {
        for (Class<?> type : new Class<?>[] {RoomRequest.class, SignupRequest.class, CreateBookingRequest.class,
                CreateFeedRequest.class, BookingSettingsRequest.class}) {
            ValidationException e = refusal(body, type);
            assertThat(e.code()).isEqualTo(ErrorCodes.MALFORMED_JSON);
            assertThat(e.field()).isNull();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // number, boolean, object or array where a string is declared
        "{\"name\":5}|name",
        "{\"name\":5.5}|name",
        "{\"name\":true}|name",
        "{\"name\":{}}|name",
        "{\"name\":[\"A\"]}|name",
        "{\"name\":\"A\",\"extra\":1}|extra",
        "{\"name\":\"A\",\"name\":\"B\"}|<none>",
    })
    void roomNameMustBeAString(String body, String field) {
        ValidationException e = refusal(body, RoomRequest.class);
        assertThat(e.field() == null ? "<none>" : e.field()).isEqualTo(field);
        if (e.field() != null) {
            assertThat(e.code()).isEqualTo(ErrorCodes.VALIDATION_FAILED);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"horizonDays\":30.7}|horizonDays",
        "{\"horizonDays\":30.0}|horizonDays",
        "{\"horizonDays\":\"30\"}|horizonDays",
        "{\"horizonDays\":true}|horizonDays",
        "{\"horizonDays\":[30]}|horizonDays",
        "{\"services\":[{\"id\":\"s\",\"name\":\"S\",\"durationMinutes\":\"50\"}]}|services[0].durationMinutes",
        "{\"services\":[{\"id\":\"s\",\"name\":\"S\",\"durationMinutes\":50.5}]}|services[0].durationMinutes",
        "{\"services\":[null]}|services[0]",
        "{\"services\":{\"id\":\"s\"}}|services",
        "{\"services\":\"s\"}|services",
        "{\"workingHours\":{\"MONDAY\":null}}|workingHours.MONDAY",
        "{\"workingHours\":{\"MONDAY\":[{\"from\":9,\"to\":\"12:00\"}]}}|workingHours.MONDAY[0].from",
        "{\"workingHours\":{\"MONDAY\":{\"from\":\"09:00\",\"to\":\"12:00\"}}}|workingHours.MONDAY",
        "{\"workingHours\":[]}|workingHours",
        "{\"contactHint\":12}|contactHint",
    })
    void settingsNumbersAreNumbersAndNestedFieldsAreNamed(String body, String field) {
        assertThat(refusal(body, BookingSettingsRequest.class).field()).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"shared\":\"true\"}|shared",
        "{\"shared\":1}|shared",
        "{\"shared\":0}|shared",
        "{\"name\":false}|name",
    })
    void booleansAreBooleans(String body, String field) {
        assertThat(refusal(body, RoomUpdateRequest.class).field()).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"bookingId\":\"b\",\"amountCents\":\"100\"}|amountCents",
        "{\"bookingId\":\"b\",\"amountCents\":100.5}|amountCents",
        "{\"bookingId\":\"b\",\"amountCents\":1e3}|amountCents",
        "{\"bookingId\":7,\"amountCents\":100}|bookingId",
    })
    void invoiceAmountsAreIntegers(String body, String field) {
        assertThat(refusal(body, PracticeRequests.InvoiceRequest.class).field()).isEqualTo(field);
    }

    @Test
    void listsRefuseNullsAndScalars() {
        assertThat(refusal("{\"granteeEmail\":\"a@b.de\",\"scopes\":[null]}", GrantRequest.class).field())
                .isEqualTo("scopes[0]");
        assertThat(refusal("{\"granteeEmail\":\"a@b.de\",\"scopes\":\"appointments:read\"}", GrantRequest.class)
                .field()).isEqualTo("scopes");
        assertThat(refusal("{\"granteeEmail\":\"a@b.de\",\"scopes\":[1]}", GrantRequest.class).field())
                .isEqualTo("scopes[0]");
    }

    @Test
    void clientObjectMustBeAnObject() {
        String base = "{\"roomId\":\"r1\",\"start\":\"2026-12-01T10:00:00+01:00\",\"end\":\"2026-12-01T11:00:00+01:00\",";
        assertThat(refusal(base + "\"client\":\"Erika\"}", CreateBookingRequest.class).field()).isEqualTo("client");
        assertThat(refusal(base + "\"client\":[]}", CreateBookingRequest.class).field()).isEqualTo("client");
        assertThat(refusal(base + "\"client\":{\"name\":1}}", CreateBookingRequest.class).field())
                .isEqualTo("client.name");
        assertThat(refusal(base + "\"client\":{\"name\":\"E\",\"ssn\":\"1\"}}", CreateBookingRequest.class).field())
                .isEqualTo("client.ssn");
    }

    @Test
    void wellTypedBodiesStillRead() {
        assertThat(Json.read("{\"name\":\"Raum 1\"}", RoomRequest.class).name()).isEqualTo("Raum 1");
        assertThat(Json.read("{\"name\":null,\"shared\":true}", RoomUpdateRequest.class).shared()).isTrue();
        assertThat(Json.read("{}", CreateFeedRequest.class).includeBusy()).isNull();
        var settings = Json.read("{\"horizonDays\":30,\"services\":[{\"id\":\"s\",\"name\":\"S\",\"durationMinutes\":50}],"
                + "\"workingHours\":{\"MONDAY\":[{\"from\":\"09:00\",\"to\":\"12:00\"}]}}", BookingSettingsRequest.class);
        assertThat(settings.horizonDays()).isEqualTo(30);
        assertThat(settings.toSettings().services()).hasSize(1);
        // what GET /v1/settings/booking answers (09:00:00) can be PUT back
        assertThat(Json.read("{\"workingHours\":{\"MONDAY\":[{\"from\":\"09:00:00\",\"to\":\"12:30:00\"}]}}",
                BookingSettingsRequest.class).toSettings().workingHours().values()).hasSize(1);
        assertThat(Json.read("{\"bookingId\":\"b\",\"amountCents\":12000}", PracticeRequests.InvoiceRequest.class)
                .amountCents()).isEqualTo(12000L);
    }

    @Test
    void storedDataKeepsTheLenientMapper() {
        // the strict reader is for client input only; what we wrote ourselves is read by MAPPER as before
        assertThat(Json.MAPPER).isNotSameAs(Json.input());
    }
}
