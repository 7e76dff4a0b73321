package com.practicecal.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * {@code AWS::SQS::Queue}: name {@code <stack>-<LogicalId>} ({@code .fifo} appended for FIFO queues). The template's
 * property names are SQS's attribute names; policies written as objects (RedrivePolicy with
 * {@code deadLetterTargetArn: !GetAtt Dlq.Arn}) become the JSON strings SQS expects.
 */
final class SqsQueueProvisioner implements ResourceProvisioner {
    static final String TYPE = "AWS::SQS::Queue";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_ATTRIBUTES = Set.of("QueueName", "Tags");
    private static final Set<String> IRRELEVANT = Set.of("QueueName", "Tags", "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");

    private final SqsClient sqs;

    SqsQueueProvisioner(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ProvisionedResource provision(CfnResource resource, StackResolver resolver) {
        Map<String, Object> props = (Map<String, Object>) resolver.resolve(resource.properties());
        boolean fifo = Values.bool(props, "FifoQueue").orElse(false);
        // An explicit QueueName is ignored on purpose: fixed names would make parallel stacks collide.
        String name = resolver.stackName() + "-" + resource.logicalId() + (fifo ? ".fifo" : "");
        Map<String, String> attributes = attributes(props);
        PropertyCheck.warnAboutUnhandled(resource, attributes.keySet(), IRRELEVANT);

        String url = existingQueueUrl(name);
        boolean adopted = url != null;
        if (!adopted) {
            url = sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes)).queueUrl();
        }
        final String queueUrl = url;
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new ProvisionedResource(resource.logicalId(), TYPE, url,
                Map.of("Arn", arn, "QueueName", name, "QueueUrl", url), adopted);
    }

    static Map<String, String> attributes(Map<String, Object> props) {
        Map<String, String> attributes = new LinkedHashMap<>();
        props.forEach((name, value) -> {
            if (NOT_ATTRIBUTES.contains(name) || IRRELEVANT.contains(name) || value == null) {
                return;
            }
            attributes.put(name, value instanceof Map<?, ?> || value instanceof java.util.List<?>
                    ? toJson(value) : Templates.asString(value));
        });
        return attributes;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String existingQueueUrl(String name) {
        try {
            return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException missing) {
            return null;
        }
    }

    @Override
    public void delete(ProvisionedResource resource) {
        try {
            sqs.deleteQueue(b -> b.queueUrl(resource.physicalId()));
        } catch (QueueDoesNotExistException gone) {
            // already deleted
        }
    }
}
