package com.practicecal.shared.audit;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.event.OutboxItem;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the FIFO audit queue. A message that fails is reported (partial batch response), and so is every
 * later message of the same account in the batch, so the account's order holds; other accounts go on. After
 * the queue's maxReceiveCount a message moves to the dead-letter queue, where an alarm watches it.
 */
@Singleton
public class AuditIngest {
    private static final Logger LOG = LoggerFactory.getLogger(AuditIngest.class);
    private final AuditLog log;

    public AuditIngest(AuditLog log) {
        this.log = log;
    }

    public SQSBatchResponse ingest(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        java.util.Set<String> blockedGroups = new java.util.HashSet<>();
        for (SQSEvent.SQSMessage message : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
            String group = message.getAttributes() == null ? null : message.getAttributes().get("MessageGroupId");
            if (group != null && blockedGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            try {
                log.append(OutboxItem.read(message.getBody()));
            } catch (RuntimeException failure) {
                LOG.warn("audit message {} failed: {}", message.getMessageId(), failure.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                if (group != null) {
                    blockedGroups.add(group);
                }
            }
        }
        return new SQSBatchResponse(failures);
    }
}
