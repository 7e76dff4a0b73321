package com.practicecal.shared.logging;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Counts as CloudWatch embedded-metric-format lines on stdout: CloudWatch Logs turns each into a metric in namespace
 * {@value #NAMESPACE} with the dimension {@code function}; the line also carries the request id and route. Outside
 * Lambda (no {@code AWS_LAMBDA_FUNCTION_NAME}, e.g. the local runner) the line goes to the debug log instead.
 */
public final class Metrics {
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private static final String FUNCTION = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    public static final String NAMESPACE = "practicecal";
    public static final String BOOKINGS_CREATED = "BookingsCreated";
    public static final String ROOM_TAKEN = "RoomTaken";
    public static final String QUOTA_EXCEEDED = "QuotaExceeded";
    public static final String WEBHOOK_FAILURES = "WebhookDeliveryFailures";
    public static final String RELAY_RETRIES = "OutboxRelayRetries";

    private Metrics() {
    }

    public static void count(String metric) {
        count(metric, 1);
    }

    public static void count(String metric, long value) {
        if (value <= 0) {
            return;
        }
        JsonLine line = line(metric, value);
        if (FUNCTION != null) {
            System.out.println(line);
        } else {
            LOG.debug("{}", line);
        }
    }

    static JsonLine line(String metric, long value) {
        String directive = "{\"Timestamp\":" + System.currentTimeMillis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + NAMESPACE + "\",\"Dimensions\":[[\"function\"]],\"Metrics\":[{\"Name\":\"" + metric
                + "\",\"Unit\":\"Count\"}]}]}";
        JsonLine line = new JsonLine().raw("_aws", directive)
                .field("function", FUNCTION == null ? "local" : FUNCTION)
                .field(metric, value);
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        if (mdc != null) {
            mdc.forEach(line::field);
        }
        return line;
    }
}
