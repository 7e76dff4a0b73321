package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Template hygiene, read through {@link SamTemplate}: what every function and route must have. */
class SamTemplateTest {
    /** Adding a public route must be a deliberate decision, so they are listed here. */
    static final Set<String> PUBLIC_ROUTES = Set.of("POST /v1/signup", "POST /v1/signup/confirm",
            "POST /v1/signup/resend", "GET /v1/public/config",
            "GET /v1/public/therapists/{therapistId}", "GET /v1/public/therapists/{therapistId}/slots",
            "POST /v1/public/therapists/{therapistId}/bookings",
            "DELETE /v1/public/bookings/{bookingId}",
            "PATCH /v1/public/bookings/{bookingId}",
            "GET /v1/public/feeds/{file}");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void everyFunctionHasHandlerCodeUriAndAnEvent() {
        assertThat(template.functions()).isNotEmpty();
        for (SamFunction function : template.functions()) {
            assertThat(function.handler()).as("%s Handler", function.logicalId()).isNotBlank();
            assertThat(function.codeUri()).as("%s CodeUri", function.logicalId()).endsWith(".jar");
            assertThat(template.resource(function.logicalId()).map("Events"))
                    .as("%s Events", function.logicalId()).isNotEmpty();
        }
    }

    @Test
    void functionsWithoutRoutesConsumeQueuesOrStreamsReportingBatchItemFailures() {
        for (SamFunction function : template.functions()) {
            if (!function.routes().isEmpty()) {
                continue;
            }
            template.resource(function.logicalId()).map("Events").forEach((name, value) -> {
                Map<String, Object> event = Templates.asMap(value);
                if ("Schedule".equals(event.get("Type"))) { // maintenance jobs: a schedule and a dead-letter queue
                    assertThat(Templates.at(event, "Properties", "Schedule")).as("%s.%s schedule", function.logicalId(), name)
                            .isPresent();
                    assertThat(Templates.at(event, "Properties", "DeadLetterConfig"))
                            .as("%s.%s DeadLetterConfig", function.logicalId(), name).isPresent();
                    return;
                }
                assertThat(event.get("Type")).as("%s.%s type", function.logicalId(), name)
                        .isIn("SQS", "DynamoDB");
                assertThat(Templates.at(event, "Properties", "FunctionResponseTypes").orElse(List.of()))
                        .as("%s.%s FunctionResponseTypes", function.logicalId(), name)
                        .asList().contains("ReportBatchItemFailures");
            });
        }
    }

    @Test
    void handlerClassesAreOnTheLocalRunnersClasspath() throws ClassNotFoundException {
        for (SamFunction function : template.functions()) {
            assertThat(Class.forName(function.handlerClass())).as(function.logicalId()).isNotNull();
        }
    }

    @Test
    void everyNonPublicRouteUsesTheJwtAuthorizer() {
        Map<String, JwtAuthorizerConfig> jwtAuthorizers = template.jwtAuthorizers();
        assertThat(template.jwtAuthorizer()).isPresent();
        List<String> publicRoutes = new ArrayList<>();
        for (SamFunction function : template.functions()) {
            for (HttpApiRoute route : function.routes()) {
                if (route.isPublic()) {
                    publicRoutes.add(route.routeKey());
                } else {
                    assertThat(jwtAuthorizers).as("authorizer of %s", route.routeKey())
                            .containsKey(route.authorizer());
                }
            }
        }
        assertThat(publicRoutes).containsExactlyInAnyOrderElementsOf(PUBLIC_ROUTES);
    }

    @Test
    void routesAreUnique() {
        Set<String> seen = new HashSet<>();
        template.functions().stream().flatMap(f -> f.routes().stream()).forEach(route ->
                assertThat(seen.add(route.routeKey())).as("duplicate route %s", route.routeKey()).isTrue());
    }

    @Test
    void jwtAuthorizerTrustsTheUserPoolAndItsClient() {
        JwtAuthorizerConfig authorizer = template.jwtAuthorizer().orElseThrow();
        assertThat(authorizer.identitySource()).isEqualTo("$request.header.Authorization");
        assertThat(authorizer.issuer()).isInstanceOfSatisfying(Intrinsic.Sub.class, issuer -> assertThat(
                issuer.template()).isEqualTo("https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}"));
        assertThat(authorizer.audience()).containsExactly(new Intrinsic.Ref("UserPoolClient"));
    }

    @Test
    void everyFunctionHasALogGroupWithRetention() {
        List<CfnResource> logGroups = template.resourcesOfType("AWS::Logs::LogGroup");
        Map<String, Object> parameters = template.parameterDefaults();
        for (SamFunction function : template.functions()) {
            Intrinsic.Sub expectedName = new Intrinsic.Sub("/aws/lambda/${" + function.logicalId() + "}", Map.of());
            List<CfnResource> matching = logGroups.stream()
                    .filter(group -> expectedName.equals(group.property("LogGroupName").orElse(null))).toList();
            assertThat(matching).as("log group of %s", function.logicalId()).hasSize(1);
            Object retention = matching.get(0).property("RetentionInDays").orElse(null);
            if (retention instanceof Intrinsic.Ref ref) {
                assertThat(parameters).as("default of parameter %s", ref.target()).containsKey(ref.target());
            } else {
                assertThat(retention).as("RetentionInDays of %s's log group", function.logicalId())
                        .isInstanceOf(Number.class);
            }
        }
    }

    @Test
    void snapStartOnPublishedVersionsInGlobals() {
        Map<String, Object> globals = template.globalFunctionProperties();
        assertThat(Templates.at(globals, "SnapStart", "ApplyOn")).contains("PublishedVersions");
        assertThat(globals.get("AutoPublishAlias")).as("SnapStart needs published versions").isNotNull();
        assertThat(globals.get("Runtime")).isEqualTo("java17");
        assertThat(globals.get("Architectures")).as("Graviton: cheaper, SnapStart-capable").isEqualTo(java.util.List.of("arm64"));
    }

    @Test
    void globalEnvironmentNamesTheResourcesTheFunctionsNeed() {
        Map<String, Object> environment = template.globalEnvironment();
        assertThat(environment).containsEntry("TABLE_NAME", new Intrinsic.Ref("MainTable"))
                .containsEntry("USER_POOL_ID", new Intrinsic.Ref("UserPool"))
                .containsEntry("USER_POOL_CLIENT_ID", new Intrinsic.Ref("UserPoolClient"));
        Map<String, Object> parameters = Templates.at(template.document(), "Parameters").map(Templates::asMap)
                .orElse(Map.of());
        for (Object value : environment.values()) {
            for (String reference : StackResolver.references(value)) {
                assertThat(template.resources().containsKey(reference) || parameters.containsKey(reference))
                        .as("%s is declared", reference).isTrue();
            }
        }
    }

    @Test
    void routesComeFromHttpApiEventsWithTheirAuth() {
        SamFunction signup = template.function("SignupFunction");
        assertThat(signup.handlerClass()).isEqualTo("com.practicecal.functions.signup.SignupHandler");
        assertThat(signup.routes()).containsExactly(
                new HttpApiRoute("SignupFunction", "POST", "/v1/signup", null),
                new HttpApiRoute("SignupFunction", "POST", "/v1/signup/confirm", null),
                new HttpApiRoute("SignupFunction", "POST", "/v1/signup/resend", null));
        assertThat(template.function("AccountsFunction").routes()).containsExactly(
                new HttpApiRoute("AccountsFunction", "GET", "/v1/public/config", null),
                new HttpApiRoute("AccountsFunction", "GET", "/v1/me", "CognitoJwt"),
                new HttpApiRoute("AccountsFunction", "PUT", "/v1/account/plan", "CognitoJwt"));
        assertThat(signup.memorySize()).isEqualTo(1024);
        assertThat(signup.timeoutSeconds()).isEqualTo(15);
    }

    @Test
    void functionsLogJsonAtALevelSetInTheTemplate() {
        Map<String, Object> logging = Templates.asMap(template.globalFunctionProperties().get("LoggingConfig"));
        assertThat(logging).containsEntry("LogFormat", "JSON").containsKeys("ApplicationLogLevel", "SystemLogLevel");
    }

    @Test
    void everyDeadLetterQueueAndTheApiErrorRateHaveAnAlarm() {
        java.util.Set<String> deadLetterQueues = new java.util.TreeSet<>();
        for (CfnResource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            Templates.at(queue.properties(), "RedrivePolicy", "deadLetterTargetArn")
                    .ifPresent(arn -> deadLetterQueues.addAll(StackResolver.references(arn)));
        }
        for (CfnResource function : template.resourcesOfType(SamTemplate.FUNCTION)) {
            function.map("Events").values().forEach(event -> Templates.at(Templates.asMap(event), "Properties",
                    "DestinationConfig", "OnFailure", "Destination")
                    .ifPresent(arn -> deadLetterQueues.addAll(StackResolver.references(arn))));
        }
        assertThat(deadLetterQueues).contains("AuditDeadLetterQueue", "IntegrationDeadLetterQueue",
                "WebhookDeadLetterQueue", "OutboxRelayFailureQueue");
        List<CfnResource> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        for (String queue : deadLetterQueues) {
            assertThat(alarms).as("alarm on %s", queue).anySatisfy(alarm -> {
                assertThat(alarm.property("MetricName")).contains("ApproximateNumberOfMessagesVisible");
                assertThat(StackResolver.references(alarm.property("Dimensions").orElseThrow())).contains(queue);
                assertThat(alarm.property("AlarmActions")).isPresent();
            });
        }
        assertThat(alarms).as("5xx rate alarm on the HTTP API").anySatisfy(alarm -> {
            String metrics = String.valueOf(alarm.property("Metrics").orElse(""));
            assertThat(metrics).contains("AWS/ApiGateway", "5xx", "Count");
            assertThat(StackResolver.references(alarm.property("Metrics").orElseThrow())).contains("HttpApi");
        });
    }
}
