package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Converts DynamoDB Streams records (SDK v2) into the Lambda event the function receives, and into filter input. */
final class StreamRecords {
    private StreamRecords() {
    }

    static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn) {
        DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
        out.setEventID(record.eventID());
        out.setEventName(record.eventNameAsString());
        out.setEventVersion(record.eventVersion());
        out.setEventSource("aws:dynamodb");
        out.setAwsRegion(record.awsRegion());
        out.setEventSourceARN(streamArn);
        var source = record.dynamodb();
        StreamRecord stream = new StreamRecord();
        stream.setSequenceNumber(source.sequenceNumber());
        stream.setSizeBytes(source.sizeBytes());
        if (source.streamViewType() != null && source.streamViewTypeAsString() != null) {
            stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType
                    .fromValue(source.streamViewTypeAsString()));
        }
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        stream.setKeys(image(source.keys()));
        stream.setNewImage(image(source.newImage()));
        stream.setOldImage(image(source.oldImage()));
        out.setDynamodb(stream);
        return out;
    }

    /** The record as Lambda's filter sees it: {@code {"eventName":..., "dynamodb":{"NewImage":{"type":{"S":...}}}}}. */
    static Map<String, Object> filterView(Record record) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        if (record.dynamodb().hasNewImage()) {
            dynamodb.put("NewImage", jsonImage(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.put("OldImage", jsonImage(record.dynamodb().oldImage()));
        }
        return Map.of("eventName", record.eventNameAsString(), "dynamodb", dynamodb);
    }

    private static Map<String, Object> jsonImage(Map<String, AttributeValue> image) {
        Map<String, Object> out = new LinkedHashMap<>();
        image.forEach((name, value) -> {
            if (value.s() != null) {
                out.put(name, Map.of("S", value.s()));
            } else if (value.n() != null) {
                out.put(name, Map.of("N", value.n()));
            } else {
                out.put(name, Map.of());
            }
        });
        return out;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> image) {
        if (image == null || image.isEmpty()) {
            return null;
        }
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out = new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (v.s() != null) {
            out.setS(v.s());
        } else if (v.n() != null) {
            out.setN(v.n());
        } else if (v.b() != null) {
            out.setB(v.b().asByteBuffer());
        } else if (v.bool() != null) {
            out.setBOOL(v.bool());
        } else if (Boolean.TRUE.equals(v.nul())) {
            out.setNULL(true);
        } else if (v.hasM()) {
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> m = new LinkedHashMap<>();
            v.m().forEach((k, x) -> m.put(k, value(x)));
            out.setM(m);
        } else if (v.hasL()) {
            List<com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> l = new ArrayList<>();
            v.l().forEach(x -> l.add(value(x)));
            out.setL(l);
        } else if (v.hasSs()) {
            out.setSS(v.ss());
        } else if (v.hasNs()) {
            out.setNS(v.ns());
        }
        return out;
    }
}
