package com.practicecal.shared.online;

import com.practicecal.shared.booking.Client;
import com.practicecal.shared.config.SettingsSource;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The client's confirmation email (Amazon SES) with the manage link {@code <app>/manage/<bookingId>?token=<token>}
 * for cancelling or rescheduling. It carries the client's own data only: their name, their appointment's time and
 * service — never the practice's other clients, notes or anything of the calendar.
 * <p>
 * Sent in the booking request, after the transaction committed: only the online-booking function holds the
 * manage-token key, and the email needs the token. Sending is best effort — the booking stands and the response
 * carries the token either way; a failure is logged with the booking id only.
 */
@Singleton
@io.micronaut.context.annotation.Requires(classes = SesV2Client.class)
public class ConfirmationMail {
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationMail.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final String sender;
    private final String appOrigin;
    private final Provider<SesV2Client> ses;

    @Inject
    public ConfirmationMail(SettingsSource settings, Provider<SesV2Client> ses) {
        this(settings.get("email.sender", ""), settings.get("app.origin", ""), ses);
    }

    public ConfirmationMail(String sender, String appOrigin, Provider<SesV2Client> ses) {
        this.sender = sender;
        this.appOrigin = appOrigin;
        this.ses = ses;
    }

    /** What is sent; pure, so tests can check it holds nothing but the client's own data. */
    public record Mail(String to, String subject, String text) {
    }

    public static String link(String origin, String bookingId, String token) {
        return origin.replaceAll("/+$", "") + "/manage/" + bookingId + "?token=" + token;
    }

    public static Mail compose(Client client, String bookingId, String token, String serviceName, ZonedDateTime start,
                               String origin) {
        String text = "Guten Tag " + client.name() + ",\n\n"
                + "Ihr Termin \u201e" + serviceName + "\u201c am " + DATE.format(start) + " um " + TIME.format(start)
                + " Uhr ist gebucht.\n\n"
                + "Absagen oder verschieben k\u00f6nnen Sie ihn hier:\n" + link(origin, bookingId, token) + "\n\n"
                + "Der Link ist nur f\u00fcr Sie bestimmt; bitte leiten Sie diese E-Mail nicht weiter.\n";
        return new Mail(client.email(), "Ihr Termin am " + DATE.format(start), text);
    }

    /** @param requestOrigin scheme and host of the booking request, used when no app origin is configured */
    public void send(Client client, String bookingId, String token, String serviceName, ZonedDateTime start,
                     String requestOrigin) {
        if (sender == null || sender.isBlank()) {
            LOG.info("no email sender configured: confirmation for booking {} not sent", bookingId);
            return;
        }
        Mail mail = compose(client, bookingId, token, serviceName, start,
                appOrigin == null || appOrigin.isBlank() ? requestOrigin : appOrigin);
        try {
            ses.get().sendEmail(b -> b.fromEmailAddress(sender)
                    .destination(d -> d.toAddresses(mail.to()))
                    .content(c -> c.simple(m -> m.subject(s -> s.data(mail.subject()).charset("UTF-8"))
                            .body(body -> body.text(t -> t.data(mail.text()).charset("UTF-8"))))));
        } catch (SdkException failed) {
            LOG.warn("confirmation email for booking {} not sent: {}", bookingId, failed.getClass().getSimpleName());
        }
    }
}
