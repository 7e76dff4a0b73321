package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Least privilege as declared in template.yaml: who may write where. */
class TemplatePoliciesTest {
    private static final Set<String> WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:*");
    private final SamTemplate template = SamTemplate.load();

    @Test
    void onlyTheAuditWriterMayWriteTheAuditTable() {
        assertThat(functionsWriting("AuditTable")).containsExactly("AuditWriterFunction");
    }

    @Test
    void theAuditWriterCannotTouchTheApplicationTable() {
        assertThat(functionsWriting("MainTable")).doesNotContain("AuditWriterFunction", "AuditFunction",
                "OutboxRelayFunction");
    }

    @Test
    void everyStatementHasASidAndNoWildcardResource() {
        for (CfnResource function : template.resourcesOfType(SamTemplate.FUNCTION)) {
            for (Map<String, Object> statement : statements(function)) {
                assertThat(statement).as("%s statement", function.logicalId()).containsKey("Sid");
                assertThat(String.valueOf(statement.get("Resource"))).as("%s %s", function.logicalId(), statement.get("Sid"))
                        .isNotEqualTo("*");
            }
        }
    }

    /** The audit API writes verification checkpoints, and IAM confines that to their own partitions. */
    @Test
    void theAuditApiMayWriteOnlyCheckpointsIntoTheAuditTable() {
        List<Map<String, Object>> checkpointWrites = statements(template.resource("AuditFunction")).stream()
                .filter(s -> String.valueOf(s.get("Resource")).contains("AuditTable"))
                .filter(s -> Templates.asList(s.get("Action")).stream().map(Templates::asString).anyMatch(WRITES::contains))
                .toList();
        assertThat(checkpointWrites).hasSize(1).allSatisfy(s -> {
            assertThat(Templates.asList(s.get("Action"))).extracting(Templates::asString).containsExactly("dynamodb:PutItem");
            assertThat(onlyCheckpoints(s)).as("%s", s).isTrue();
        });
    }

    /** A statement whose keys IAM restricts to checkpoint partitions ({@code CHECKPOINT#*}). */
    private static boolean onlyCheckpoints(Map<String, Object> statement) {
        Object condition = statement.get("Condition");
        if (!(condition instanceof Map<?, ?>)) {
            return false;
        }
        Object like = Templates.asMap(condition).get("ForAllValues:StringLike");
        if (!(like instanceof Map<?, ?>)) {
            return false;
        }
        return Templates.asList(Templates.asMap(like).get("dynamodb:LeadingKeys")).stream().map(Templates::asString)
                .toList().equals(List.of("CHECKPOINT#*"));
    }

    private List<String> functionsWriting(String tableLogicalId) {
        List<String> writers = new ArrayList<>();
        for (CfnResource function : template.resourcesOfType(SamTemplate.FUNCTION)) {
            for (Map<String, Object> statement : statements(function)) {
                if (onlyCheckpoints(statement)) {
                    continue; // verification checkpoints, never entries (see the test above)
                }
                boolean writes = Templates.asList(statement.get("Action")).stream().map(Templates::asString)
                        .anyMatch(WRITES::contains);
                if (writes && String.valueOf(statement.get("Resource")).contains(tableLogicalId)) {
                    writers.add(function.logicalId());
                }
            }
        }
        return writers;
    }

    private static List<Map<String, Object>> statements(CfnResource function) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : function.list("Policies")) {
            if (policy instanceof Map<?, ?> document && document.containsKey("Statement")) {
                Templates.asList(document.get("Statement")).forEach(s -> statements.add(Templates.asMap(s)));
            }
        }
        return statements;
    }
}
