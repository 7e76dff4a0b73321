package com.practicecal.shared.webhook;

/** PENDING: an attempt is scheduled; SUCCEEDED: a 2xx was received; FAILED: retries exhausted or endpoint gone. */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED
}
