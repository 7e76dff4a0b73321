package com.practicecal.shared.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.practicecal.shared.audit.AuditSettings;
import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.event.OutboxItem;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Fans outbox events from the table's stream out to SQS: the FIFO audit queue (group = account, so entries of
 * one account keep commit order; deduplication id = event id) and the standard integration queue. On a failure
 * the first undelivered record is reported, so Lambda retries from there: nothing is skipped or reordered.
 */
@Singleton
@Requires(classes = SqsClient.class)
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    static final int SQS_BATCH = 10;

    private final SqsClient sqs;
    private final AuditSettings settings;

    public OutboxRelay(SqsClient sqs, AuditSettings settings) {
        this.sqs = sqs;
        this.settings = settings;
    }

    public StreamsEventResponse relay(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<Pending> pending = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String payload = OutboxImageItem.payloadOf(record);
            if (payload != null) {
                pending.add(new Pending(record.getDynamodb().getSequenceNumber(), OutboxItem.read(payload), payload));
            }
        }
        for (int from = 0; from < pending.size(); from += SQS_BATCH) {
            List<Pending> batch = pending.subList(from, Math.min(pending.size(), from + SQS_BATCH));
            int failedAt = Math.min(send(batch, true), send(batch, false));
            if (failedAt < batch.size()) {
                return failure(batch.get(failedAt).sequenceNumber());
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    /** @return index of the first entry SQS did not accept, or batch size when all were accepted */
    private int send(List<Pending> batch, boolean audit) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent e = batch.get(i).event();
            var entry = SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(batch.get(i).json());
            if (audit) {
                entry.messageGroupId(e.accountId()).messageDeduplicationId(e.eventId());
            }
            entries.add(entry.build());
        }
        try {
            var response = sqs.sendMessageBatch(b -> b.queueUrl(audit ? settings.auditQueueUrl()
                    : settings.integrationQueueUrl()).entries(entries));
            return response.failed().stream().mapToInt(f -> Integer.parseInt(f.id())).min().orElse(batch.size());
        } catch (RuntimeException unavailable) {
            LOG.warn("SQS send failed ({}); the stream will retry", unavailable.getClass().getSimpleName());
            return 0;
        }
    }

    private static StreamsEventResponse failure(String sequenceNumber) {
        return StreamsEventResponse.builder().withBatchItemFailures(
                List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber).build()))
                .build();
    }

    private record Pending(String sequenceNumber, OutboxEvent event, String json) {
    }
}
