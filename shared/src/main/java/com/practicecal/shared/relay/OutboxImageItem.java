package com.practicecal.shared.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.practicecal.shared.event.OutboxItem;
import com.practicecal.shared.store.Attr;
import java.util.Map;

/**
 * An outbox item as the table's stream delivers it (the stream's own attribute-value type, not the SDK's): the
 * mapping edge of the relay.
 */
final class OutboxImageItem {
    private OutboxImageItem() {
    }

    /** The event payload (JSON) of a newly inserted outbox item; null for any other record. */
    static String payloadOf(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getNewImage() == null
                || !"INSERT".equals(record.getEventName())) {
            return null;
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        AttributeValue type = image.get(Attr.TYPE);
        AttributeValue payload = image.get("payload");
        if (type == null || !OutboxItem.TYPE.equals(type.getS()) || payload == null) {
            return null;
        }
        return payload.getS();
    }
}
