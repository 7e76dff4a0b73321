package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plays an SQS event source mapping: receive, invoke with a real {@link SQSEvent}, delete what the handler
 * accepted. Rejected messages become visible again after {@code retryDelaySeconds} (instead of the queue's
 * visibility timeout, to keep local runs short); the queue's redrive policy moves them to the DLQ as in AWS.
 */
final class QueuePoller {
    private final EventSourceMapping mapping;
    private final RequestHandler<Object, Object> handler;
    private final SqsClient sqs;
    private final String region;
    private final String queueUrl;
    private final int retryDelaySeconds;

    QueuePoller(EventSourceMapping mapping, RequestHandler<Object, Object> handler, SqsClient sqs, String region,
                int retryDelaySeconds) {
        this.mapping = mapping;
        this.handler = handler;
        this.sqs = sqs;
        this.region = region;
        this.retryDelaySeconds = retryDelaySeconds;
        String queueName = mapping.source().substring(mapping.source().lastIndexOf(':') + 1);
        this.queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
    }

    String queueUrl() {
        return queueUrl;
    }

    /** @return messages the handler accepted in this poll */
    synchronized int pollOnce() {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(Math.min(10, mapping.batchSize())).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        Set<String> failed = invoke(messages);
        List<DeleteMessageBatchRequestEntry> accepted = new ArrayList<>();
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(retryDelaySeconds));
            } else {
                accepted.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(accepted.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!accepted.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(accepted));
        }
        return accepted.size();
    }

    /** Messages still in the queue, visible or in flight. */
    int pending() {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    private Set<String> invoke(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::toLambda).toList());
        Set<String> failed = new HashSet<>();
        try {
            Object response = handler.handleRequest(event, new LocalLambdaContext(UUID.randomUUID().toString(),
                    mapping.functionLogicalId(), region, 1024, 900));
            if (mapping.reportsBatchItemFailures() && response instanceof SQSBatchResponse partial
                    && partial.getBatchItemFailures() != null) {
                partial.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } catch (RuntimeException crashed) {
            messages.forEach(m -> failed.add(m.messageId()));
        }
        return failed;
    }

    private SQSEvent.SQSMessage toLambda(Message message) {
        SQSEvent.SQSMessage out = new SQSEvent.SQSMessage();
        out.setMessageId(message.messageId());
        out.setReceiptHandle(message.receiptHandle());
        out.setBody(message.body());
        out.setMd5OfBody(message.md5OfBody());
        out.setAttributes(message.attributesAsStrings());
        out.setEventSource("aws:sqs");
        out.setEventSourceArn(mapping.source());
        out.setAwsRegion(region);
        return out;
    }
}
