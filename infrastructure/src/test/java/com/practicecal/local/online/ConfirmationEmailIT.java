package com.practicecal.local.online;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.aws.EndpointResolver;
import com.practicecal.shared.plan.Plan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The client gets a confirmation email through SES (moto's SES locally, the sender identity provisioned from
 * template.yaml) whose link carries the manage token; it holds the client's own data and nobody else's. The
 * messages are read back from the local endpoint's model data.
 */
class ConfirmationEmailIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theClientGetsTheManageLinkWithTheTokenAndOnlyTheirOwnData() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        api.post("/v1/rooms", Map.of("name", "Praxisraum"), owner.accessToken());
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.put(day, List.of(Map.of("from", "08:00", "to", "18:00")));
        }
        assertThat(api.put("/v1/settings/booking", Map.of("workingHours", hours, "services", List.of(Map.of("id",
                "session", "name", "Therapiesitzung", "durationMinutes", 50))), owner.accessToken()).status())
                .isEqualTo(200);
        LocalDate day = LocalDate.now(BERLIN).plusDays(6);
        String path = "/v1/public/therapists/" + owner.accountId() + "/bookings";
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String otherEmail = "bruno-" + tag + "@client.test";
        assertThat(api.post(path, Map.of("serviceId", "session", "start", berlin(day, 9, 0), "client",
                Map.of("name", "Bruno Anderer", "email", otherEmail, "phone", "+49 30 999")), null).status()).isEqualTo(201);
        String email = "clara-" + tag + "@client.test";
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("serviceId", "session", "start", berlin(day, 11, 0), "client",
                Map.of("name", "Clara Klientin", "email", email));
        ApiResult booked = api.post(path, request, null, "Idempotency-Key", key);
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        assertThat(api.post(path, request, null, "Idempotency-Key", key).status()).isEqualTo(201); // replay

        List<JsonNode> mails = sentTo(email);
        assertThat(mails).as("one email, the replay sends none").hasSize(1);
        JsonNode mail = mails.get(0);
        String body = mail.path("body").asText();
        System.out.printf("confirmation email: subject '%s', %d characters%n", mail.path("subject").asText(), body.length());
        assertThat(mail.path("source").asText()).isEqualTo(local.stack().template().parameterDefaults().get("EmailSender"));
        assertThat(body).contains("/manage/" + booked.field("bookingId") + "?token=" + booked.field("manageToken"))
                .contains("Clara Klientin").contains("Therapiesitzung").contains("11:00")
                .doesNotContain("Bruno").doesNotContain(otherEmail).doesNotContain("+49 30 999");
        String link = body.lines().filter(l -> l.contains("/manage/")).findFirst().orElseThrow().strip();
        assertThat(URI.create(link).getScheme()).isEqualTo("http"); // locally: the local API's origin
        assertThat(mail.path("destinations").toString()).contains(email).doesNotContain(otherEmail);
        // the token in the link manages the booking
        String token = link.substring(link.indexOf("?token=") + "?token=".length());
        assertThat(api.patch("/v1/public/bookings/" + booked.field("bookingId"), Map.of("start", berlin(day, 14, 0)),
                null, "X-Manage-Token", token).status()).isEqualTo(200);
    }

    /** Messages moto's SES accepted for {@code address}. */
    private static List<JsonNode> sentTo(String address) throws Exception {
        URI endpoint = EndpointResolver.fromSystem().endpointFor("SESv2").orElseThrow();
        HttpResponse<String> data = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint.resolve("/moto-api/data.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(data.statusCode()).isEqualTo(200);
        List<JsonNode> sent = new ArrayList<>();
        JSON.readTree(data.body()).path("ses").path("Message").forEach(m -> {
            if (m.path("destinations").toString().contains(address)) {
                sent.add(m);
            }
        });
        return sent;
    }
}
