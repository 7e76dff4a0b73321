package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackResolverTest {
    private final StackResolver resolver = new StackResolver("it-1", "eu-central-1", Map.of("Retention", 30));

    {
        resolver.register("Table", "it-1-Table", Map.of("Arn", "arn:table", "StreamArn", "arn:stream"));
        resolver.register("Dlq", "http://q/dlq", Map.of("Arn", "arn:dlq"));
    }

    @Test
    void resolvesRefsAttributesAndSubstitutions() {
        assertThat(resolver.resolve(new Intrinsic.Ref("Table"))).isEqualTo("it-1-Table");
        assertThat(resolver.resolve(new Intrinsic.Ref("Retention"))).isEqualTo(30);
        assertThat(resolver.resolve(new Intrinsic.GetAtt("Table", "StreamArn"))).isEqualTo("arn:stream");
        assertThat(resolver.resolve(new Intrinsic.Sub(
                "https://cognito-idp.${AWS::Region}.amazonaws.com/${Table}/${Table.Arn}/${!Literal}", Map.of())))
                .isEqualTo("https://cognito-idp.eu-central-1.amazonaws.com/it-1-Table/arn:table/${Literal}");
        assertThat(resolver.resolve(new Intrinsic.Sub("${Name}-x", Map.of("Name", new Intrinsic.Ref("AWS::StackName")))))
                .isEqualTo("it-1-x");
        assertThat(resolver.resolve(new Intrinsic.Fn("Fn::Join", List.of("/", List.of("a", new Intrinsic.Ref("Dlq"))))))
                .isEqualTo("a/http://q/dlq");
    }

    @Test
    void resolvesNestedValuesAndDropsNoValue() {
        Object resolved = resolver.resolve(Map.of(
                "RedrivePolicy", Map.of("deadLetterTargetArn", new Intrinsic.GetAtt("Dlq", "Arn"), "maxReceiveCount", 5),
                "Gone", new Intrinsic.Ref("AWS::NoValue")));
        assertThat(resolved).isEqualTo(Map.of("RedrivePolicy", Map.of("deadLetterTargetArn", "arn:dlq",
                "maxReceiveCount", 5)));
    }

    @Test
    void unknownReferencesFailLoudly() {
        assertThatThrownBy(() -> resolver.resolve(new Intrinsic.Ref("SignupFunction")))
                .hasMessageContaining("SignupFunction");
        assertThatThrownBy(() -> resolver.resolve(new Intrinsic.GetAtt("Table", "Nope")))
                .hasMessageContaining("unknown attribute");
        assertThatThrownBy(() -> resolver.resolve(new Intrinsic.Fn("Fn::If", List.of())))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void findsReferencesForOrdering() {
        assertThat(StackResolver.references(Map.of(
                "a", new Intrinsic.GetAtt("Dlq", "Arn"),
                "b", new Intrinsic.Sub("${AWS::StackName}-${Pool}-${Table.Arn}", Map.of()))))
                .containsExactlyInAnyOrder("Dlq", "Pool", "Table");
    }

    @Test
    void createsReferencedResourcesFirst() {
        CfnResource queue = new CfnResource("Queue", "AWS::SQS::Queue",
                Map.of("RedrivePolicy", Map.of("deadLetterTargetArn", new Intrinsic.GetAtt("Dlq", "Arn"))), Map.of());
        CfnResource dlq = new CfnResource("Dlq", "AWS::SQS::Queue", Map.of(), Map.of());
        CfnResource client = new CfnResource("Client", "AWS::Cognito::UserPoolClient",
                Map.of("UserPoolId", new Intrinsic.Ref("Pool")), Map.of());
        CfnResource pool = new CfnResource("Pool", "AWS::Cognito::UserPool", Map.of(), Map.of());
        assertThat(TemplateProvisioner.inReferenceOrder(List.of(queue, client, dlq, pool)))
                .extracting(CfnResource::logicalId).containsExactly("Dlq", "Queue", "Pool", "Client");
    }

    @Test
    void settingsFollowMicronautsEnvironmentVariableRule() {
        assertThat(ProvisionedStack.propertyName("USER_POOL_CLIENT_ID")).isEqualTo("user.pool.client.id");
        assertThat(ProvisionedStack.propertyName("TABLE_NAME")).isEqualTo("table.name");
    }
}
