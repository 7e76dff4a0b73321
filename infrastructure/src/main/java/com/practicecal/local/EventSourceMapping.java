package com.practicecal.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function's {@code DynamoDB} or {@code SQS} event from template.yaml, resolved against the provisioned stack:
 * what the local runner polls and which handler it feeds, with the declared batch size and filter patterns.
 */
public record EventSourceMapping(String functionLogicalId, Kind kind, String source, int batchSize,
                                 List<Map<String, Object>> filterPatterns, boolean reportsBatchItemFailures) {
    public enum Kind { DYNAMODB_STREAM, SQS }

    /** All stream and queue event sources the template declares. */
    public static List<EventSourceMapping> of(ProvisionedStack stack) {
        List<EventSourceMapping> mappings = new ArrayList<>();
        for (CfnResource function : stack.template().resourcesOfType(SamTemplate.FUNCTION)) {
            function.map("Events").forEach((name, value) -> {
                Map<String, Object> event = Templates.asMap(value);
                String type = String.valueOf(event.get("Type"));
                Map<String, Object> props = Templates.at(event, "Properties").map(Templates::asMap).orElse(Map.of());
                Kind kind = switch (type) {
                    case "DynamoDB" -> Kind.DYNAMODB_STREAM;
                    case "SQS" -> Kind.SQS;
                    default -> null;
                };
                if (kind == null) {
                    return;
                }
                String source = stack.resolveString(props.get(kind == Kind.SQS ? "Queue" : "Stream"));
                int batch = props.containsKey("BatchSize") ? Integer.parseInt(Templates.asString(props.get("BatchSize")))
                        : (kind == Kind.SQS ? 10 : 100);
                List<Map<String, Object>> patterns = new ArrayList<>();
                Templates.at(props, "FilterCriteria", "Filters").map(Templates::asList).orElse(List.of())
                        .forEach(f -> patterns.add(EventPattern.parse(Templates.asString(Templates.asMap(f).get("Pattern")))));
                boolean partial = Templates.at(props, "FunctionResponseTypes").map(Templates::asList).orElse(List.of())
                        .stream().anyMatch(t -> "ReportBatchItemFailures".equals(Templates.asString(t)));
                mappings.add(new EventSourceMapping(function.logicalId(), kind, source, batch, patterns, partial));
            });
        }
        return mappings;
    }
}
