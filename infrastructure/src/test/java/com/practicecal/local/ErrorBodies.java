package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the API's error shape, shared by the integration tests. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /** {@code {"error":{"code","message"}}} with the given status and code, and nothing internal leaking out. */
    public static void assertError(ApiResult result, int status, String code) {
        assertThat(result.status()).as("%s", result).isEqualTo(status);
        assertThat(result.errorCode()).as("%s", result).isEqualTo(code);
        assertThat(result.json().path("error").path("message").asText()).as("%s", result).isNotBlank();
        assertNoInternals(result);
    }

    public static void assertValidationError(ApiResult result, String code, String field) {
        assertError(result, 422, code);
        assertThat(result.errorField()).as("%s", result).isEqualTo(field);
    }

    /** API Gateway's own answers: exactly {@code {"message":"..."}}. */
    public static void assertGatewayMessage(ApiResult result, int status, String message) {
        assertThat(result.status()).as("%s", result).isEqualTo(status);
        assertThat(result.body()).isEqualTo("{\"message\":\"" + message + "\"}");
    }

    public static void assertNoInternals(ApiResult result) {
        assertThat(result.body()).as("error bodies leak no internals")
                .doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at java.");
    }
}
