package com.practicecal.shared.webhook;

import java.time.Instant;

/**
 * What the delivery queue carries: which delivery to attempt (ids only, no payload or secret), how many attempts of
 * the current series already failed, and — for waits longer than SQS's 15 min delay — when the attempt is due.
 */
public record DeliveryMessage(String deliveryId, String endpointId, String accountId, int failedAttempts,
                              Instant notBefore) {
    public DeliveryMessage withFailedAttempts(int failed) {
        return new DeliveryMessage(deliveryId, endpointId, accountId, failed, null);
    }

    public DeliveryMessage withNotBefore(Instant due) {
        return new DeliveryMessage(deliveryId, endpointId, accountId, failedAttempts, due);
    }
}
