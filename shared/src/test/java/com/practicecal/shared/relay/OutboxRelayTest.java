package com.practicecal.shared.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.practicecal.shared.Fixtures;
import com.practicecal.shared.audit.AuditSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

class OutboxRelayTest {
    private final AuditSettings settings = new AuditSettings("audit", "audit-queue.fifo", "integration", 3653);

    /** In-memory SQS that records batches and can refuse entries of one queue. */
    static final class FakeSqs implements SqsClient {
        final List<SendMessageBatchRequest> sent = new ArrayList<>();
        String refuseQueue;
        String refuseId;

        @Override
        public SendMessageBatchResponse sendMessageBatch(Consumer<SendMessageBatchRequest.Builder> request) {
            SendMessageBatchRequest built = SendMessageBatchRequest.builder().applyMutation(request).build();
            sent.add(built);
            var failed = built.entries().stream().filter(e -> built.queueUrl().equals(refuseQueue) && e.id().equals(refuseId))
                    .map(e -> BatchResultErrorEntry.builder().id(e.id()).code("InternalError").senderFault(false).build())
                    .toList();
            return SendMessageBatchResponse.builder().failed(failed).successful(List.of()).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void relaysOnlyOutboxInsertsToBothQueuesWithFifoGrouping() {
        FakeSqs sqs = new FakeSqs();
        var response = new OutboxRelay(sqs, settings).relay(Fixtures.event("outbox-stream.json", DynamodbEvent.class));
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sqs.sent).hasSize(2);
        var audit = sqs.sent.stream().filter(r -> r.queueUrl().equals("audit-queue.fifo")).findFirst().orElseThrow();
        assertThat(audit.entries()).hasSize(2);
        assertThat(audit.entries().get(0).messageGroupId()).isEqualTo("acc-1");
        assertThat(audit.entries().get(0).messageDeduplicationId()).isEqualTo("e1");
        assertThat(audit.entries().get(1).messageGroupId()).isEqualTo("acc-2");
        var integration = sqs.sent.stream().filter(r -> r.queueUrl().equals("integration")).findFirst().orElseThrow();
        assertThat(integration.entries()).allSatisfy(e -> assertThat(e.messageGroupId()).isNull());
    }

    @Test
    void aRefusedEntryIsReportedSoTheStreamRetriesFromIt() {
        FakeSqs sqs = new FakeSqs();
        sqs.refuseQueue = "integration";
        sqs.refuseId = "1"; // second outbox record (sequence number 102)
        var response = new OutboxRelay(sqs, settings).relay(Fixtures.event("outbox-stream.json", DynamodbEvent.class));
        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("102"));
    }
}
