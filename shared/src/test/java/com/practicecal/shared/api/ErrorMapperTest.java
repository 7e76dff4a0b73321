package com.practicecal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.json.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class ErrorMapperTest {
    @Test
    void dynamoDbThrottlingBecomes503WithRetryAfter() {
        ApiResponse response = ErrorMapper.toResponse(
                ProvisionedThroughputExceededException.builder().message("slow down").build(), "r1");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Retry-After", "1");
        assertThat(Json.tree(response.body()).at("/error/code").asText()).isEqualTo(ErrorCodes.THROTTLED);
    }

    @Test
    void domainConflictKeepsItsStableCode() {
        ApiResponse response = ErrorMapper.toResponse(new ConflictException(ErrorCodes.ROOM_TAKEN, "taken"), "r2");
        assertThat(response.status()).isEqualTo(409);
        assertThat(Json.tree(response.body()).at("/error/code").asText()).isEqualTo("ROOM_TAKEN");
        assertThat(Json.tree(response.body()).at("/error/field").isMissingNode()).isTrue();
    }
}
