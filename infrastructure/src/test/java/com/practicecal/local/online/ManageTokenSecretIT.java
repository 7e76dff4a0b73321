package com.practicecal.local.online;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.CfnResource;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.SamFunction;
import com.practicecal.local.SamTemplate;
import com.practicecal.local.TemplateProvisioner;
import com.practicecal.local.TestUser;
import com.practicecal.shared.aws.AwsClients;
import com.practicecal.shared.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The manage-token key is a Secrets Manager secret generated with the stack (provisioned locally from
 * template.yaml), read once per container by the one function that derives tokens, and granted to it alone —
 * no function carries it in its environment.
 */
class ManageTokenSecretIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final SamTemplate template = local.stack().template();

    @Test
    void onlyTheOnlineBookingFunctionMayReadTheSecretAndNoEnvironmentHoldsIt() {
        assertThat(template.resource("ManageTokenSecret").type()).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(template.globalEnvironment().keySet()).noneMatch(name -> name.startsWith("MANAGE_TOKEN"));
        List<String> readers = new java.util.ArrayList<>();
        for (CfnResource function : template.resourcesOfType(SamTemplate.FUNCTION)) {
            String policies = String.valueOf(function.properties().get("Policies"));
            if (policies.contains("secretsmanager:")) {
                readers.add(function.logicalId());
                assertThat(policies).contains("secretsmanager:GetSecretValue").doesNotContain("secretsmanager:*");
            }
        }
        assertThat(readers).containsExactly("OnlineBookingFunction");
        for (SamFunction function : template.functions()) {
            Map<String, Object> environment = function.environment();
            if (function.logicalId().equals("OnlineBookingFunction")) {
                assertThat(environment).containsKey("MANAGE_TOKEN_SECRET_ARN").doesNotContainKey("MANAGE_TOKEN_SECRET");
            } else {
                assertThat(environment.keySet()).as(function.logicalId()).noneMatch(name -> name.startsWith("MANAGE_TOKEN"));
            }
        }
    }

    @Test
    void tokensDeriveFromTheStoredSecretReadOncePerContainer() throws Exception {
        String secret;
        try (SecretsManagerClient secrets = AwsClients.fromEnvironment(
                Region.of(TemplateProvisioner.regionFromEnvironment()), List.of()).secretsManager()) {
            secret = secrets.getSecretValue(b -> b.secretId(local.stack().physicalId("ManageTokenSecret"))).secretString();
        }
        assertThat(secret).hasSize(64);

        TestUser owner = users.signUpAndLogin(Plan.M);
        api.post("/v1/rooms", Map.of("name", "Praxisraum"), owner.accessToken());
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.put(day, List.of(Map.of("from", "08:00", "to", "18:00")));
        }
        assertThat(api.put("/v1/settings/booking", Map.of("workingHours", hours, "services", List.of(Map.of("id",
                "session", "name", "Sitzung", "durationMinutes", 50))), owner.accessToken()).status()).isEqualTo(200);
        LocalDate day = LocalDate.now(BERLIN).plusDays(5);
        awsCalls.reset();
        for (int i = 0; i < 3; i++) {
            ApiResult booked = api.post("/v1/public/therapists/" + owner.accountId() + "/bookings", Map.of("serviceId",
                    "session", "start", berlin(day, 9 + i, 0), "client", Map.of("name", "K" + i, "email",
                    "k" + i + "@client.test")), null);
            assertThat(booked.status()).as("%s", booked).isEqualTo(201);
            assertThat(booked.field("manageToken")).isEqualTo(hmac(secret, booked.field("bookingId")));
        }
        System.out.printf("3 public bookings: %d GetSecretValue calls%n", awsCalls.calls("GetSecretValue"));
        assertThat(awsCalls.calls("GetSecretValue")).as("read once per container").isLessThanOrEqualTo(1);
    }

    private static String hmac(String secret, String bookingId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(("manage:" + bookingId).getBytes(StandardCharsets.UTF_8)));
    }
}
