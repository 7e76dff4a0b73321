package com.practicecal.shared.api;

import com.practicecal.shared.error.DomainException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ServiceUnavailableException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.logging.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** The only place that turns exceptions into HTTP responses. Unexpected failures leak nothing but a request id. */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    static final int THROTTLE_RETRY_AFTER_SECONDS = 1;

    private ErrorMapper() {
    }

    public static ApiResponse toResponse(Throwable failure, String requestId) {
        if (failure instanceof DomainException domain) {
            countOutcome(domain.code());
            String field = domain instanceof ValidationException v ? v.field() : null;
            ApiResponse response = ApiResponse.json(domain.status(), ErrorBody.of(domain.code(), domain.getMessage(), field));
            if (domain instanceof ServiceUnavailableException unavailable) {
                response = response.withHeader("Retry-After", String.valueOf(unavailable.retryAfterSeconds()));
            }
            return response;
        }
        if (isThrottling(failure)) {
            LOG.warn("request {} throttled by AWS: {}", requestId, failure.getClass().getSimpleName());
            return ApiResponse.json(503, ErrorBody.of(ErrorCodes.THROTTLED, "The service is busy, retry shortly.", null))
                    .withHeader("Retry-After", String.valueOf(THROTTLE_RETRY_AFTER_SECONDS));
        }
        // Log the class and stack for operators; the SDK's messages carry no request payloads.
        LOG.error("request {} failed unexpectedly", requestId, failure);
        return ApiResponse.json(500, ErrorBody.of(ErrorCodes.INTERNAL,
                "Internal error. Reference: " + requestId, null));
    }

    /** Refusals operators watch (EMF counts): a room already taken, a plan's quota used up. */
    private static void countOutcome(String code) {
        if (ErrorCodes.ROOM_TAKEN.equals(code)) {
            Metrics.count(Metrics.ROOM_TAKEN);
        } else if (ErrorCodes.QUOTA_EXCEEDED.equals(code)) {
            Metrics.count(Metrics.QUOTA_EXCEEDED);
        }
    }

    static boolean isThrottling(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProvisionedThroughputExceededException || t instanceof RequestLimitExceededException) {
                return true;
            }
            if (t instanceof AwsServiceException aws && aws.isThrottlingException()) {
                return true;
            }
        }
        return false;
    }
}
