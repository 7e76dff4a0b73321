package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays a DynamoDB-stream event source mapping: reads each shard from its checkpoint, applies the filter, invokes
 * the handler in batches and advances the checkpoint only past what the handler accepted. A reported item failure
 * makes the next poll start at that record, like Lambda's ReportBatchItemFailures for streams.
 */
final class StreamPoller {
    private final EventSourceMapping mapping;
    private final RequestHandler<Object, Object> handler;
    private final DynamoDbStreamsClient streams;
    private final String region;
    private final Map<String, String> checkpointByShard = new HashMap<>();
    /** Where a shard starts when it has no checkpoint yet: its end when the mapping started "from now". */
    private final Map<String, String> startByShard = new HashMap<>();

    StreamPoller(EventSourceMapping mapping, RequestHandler<Object, Object> handler, DynamoDbStreamsClient streams,
                 String region) {
        this.mapping = mapping;
        this.handler = handler;
        this.streams = streams;
        this.region = region;
    }

    /**
     * Starts every shard after the records already in the stream, without invoking the function and without
     * reading them: a LATEST iterator marks the position (iterators are positions and can be reused), so
     * starting costs the same however long the stream already is.
     */
    synchronized void skipToEnd() {
        for (Shard shard : streams.describeStream(b -> b.streamArn(mapping.source())).streamDescription().shards()) {
            checkpointByShard.remove(shard.shardId());
            startByShard.put(shard.shardId(), streams.getShardIterator(b -> b.streamArn(mapping.source())
                    .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.LATEST)).shardIterator());
        }
    }

    /** @return records handed to the function and accepted by it in this poll */
    synchronized int pollOnce() {
        int delivered = 0;
        List<Shard> shards = streams.describeStream(b -> b.streamArn(mapping.source())).streamDescription().shards();
        for (Shard shard : shards) {
            delivered += pollShard(shard.shardId());
        }
        return delivered;
    }

    private int pollShard(String shardId) {
        String checkpoint = checkpointByShard.get(shardId);
        String iterator = iterator(shardId, checkpoint);
        if (iterator == null) {
            return 0;
        }
        List<Record> records = streams.getRecords(b -> b.shardIterator(iterator).limit(1000)).records();
        int delivered = 0;
        List<Record> batch = new ArrayList<>();
        String advanceTo = checkpoint;
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            if (EventPattern.matchesAny(mapping.filterPatterns(), StreamRecords.filterView(record))) {
                batch.add(record);
            }
            boolean last = i == records.size() - 1;
            if (batch.size() == mapping.batchSize() || (last && !batch.isEmpty())) {
                String failedAt = invoke(batch);
                if (failedAt != null) {
                    checkpointByShard.put(shardId, before(records, failedAt, checkpoint));
                    return delivered + acceptedBefore(batch, failedAt);
                }
                delivered += batch.size();
                batch.clear();
            }
            advanceTo = record.dynamodb().sequenceNumber();
            if (batch.isEmpty()) {
                checkpointByShard.put(shardId, advanceTo);
            }
        }
        return delivered;
    }

    /** A fresh iterator per poll (moto replaces a table's stream state when it rolls back a transaction). */
    private String iterator(String shardId, String checkpoint) {
        if (checkpoint == null && startByShard.containsKey(shardId)) {
            return startByShard.get(shardId);
        }
        return streams.getShardIterator(b -> {
            b.streamArn(mapping.source()).shardId(shardId);
            if (checkpoint == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint);
            }
        }).shardIterator();
    }

    /** @return sequence number to retry from, or null when the whole batch was accepted */
    private String invoke(List<Record> batch) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(batch.stream().map(r -> StreamRecords.toLambda(r, mapping.source())).toList());
        Object response;
        try {
            response = handler.handleRequest(event, new LocalLambdaContext(UUID.randomUUID().toString(),
                    mapping.functionLogicalId(), region, 1024, 900));
        } catch (RuntimeException crashed) {
            return batch.get(0).dynamodb().sequenceNumber();
        }
        if (mapping.reportsBatchItemFailures() && response instanceof StreamsEventResponse partial
                && partial.getBatchItemFailures() != null && !partial.getBatchItemFailures().isEmpty()) {
            return partial.getBatchItemFailures().get(0).getItemIdentifier();
        }
        return null;
    }

    private static String before(List<Record> records, String sequenceNumber, String fallback) {
        String previous = fallback;
        for (Record record : records) {
            if (record.dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return previous;
            }
            previous = record.dynamodb().sequenceNumber();
        }
        return fallback;
    }

    private static int acceptedBefore(List<Record> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return 0;
    }
}
