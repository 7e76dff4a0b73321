package com.practicecal.shared.practice;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.util.List;
import java.util.Map;

/** Requests and views of notes, invoices, reports and finances. */
public final class PracticeRequests {
    private PracticeRequests() {
    }

    /** POST /v1/bookings/{bookingId}/notes — up to 20,000 characters; line breaks allowed. */
    public record NoteRequest(String text) implements Validatable {
        public static final int MAX = 20_000;

        @Override
        public void validate() {
            clean();
        }

        public String clean() {
            if (text == null || text.isBlank()) {
                throw new ValidationException("text", "is required");
            }
            if (text.length() > MAX) {
                throw new ValidationException("text", "must be at most " + MAX + " characters");
            }
            if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                throw new ValidationException("text", "must not contain control characters");
            }
            return text.strip();
        }
    }

    /** POST /v1/invoices */
    public record InvoiceRequest(String bookingId, Long amountCents, String currency, String recipientName,
                                 String recipientEmail) implements Validatable {
        @Override
        public void validate() {
            Check.id("bookingId", bookingId);
            if (amountCents == null || amountCents < 1 || amountCents > 10_000_000) {
                throw new ValidationException("amountCents", "must be between 1 and 10000000");
            }
            if (currency != null && !currency.matches("[A-Z]{3}")) {
                throw new ValidationException("currency", "must be an ISO 4217 code such as EUR");
            }
            Check.optionalText("recipientName", recipientName, 120);
            Check.optionalEmail("recipientEmail", recipientEmail);
        }
    }

    /** PATCH /v1/invoices/{id} */
    public record InvoiceStatusRequest(String status) implements Validatable {
        @Override
        public void validate() {
            if (!InvoiceItem.PAID.equals(status) && !InvoiceItem.OPEN.equals(status)) {
                throw new ValidationException("status", "must be OPEN or PAID");
            }
        }
    }

    public record NoteView(String id, String bookingId, String text, String authorUserId, String createdAt) {
    }

    public record Notes(List<NoteView> items) {
    }

    public record InvoiceView(String id, String bookingId, String appointmentDate, String serviceId, long amountCents,
                              String currency, String recipientName, String recipientEmail, String status,
                              String createdAt, Boolean restricted) {
    }

    public record Invoices(List<InvoiceView> items) {
    }

    /** Appointments of a month per room and per service; counts only. */
    public record MonthlyReport(String month, int appointments, int cancelled, Map<String, Integer> byRoom,
                                Map<String, Integer> byService) {
    }

    /** Paid and open invoice totals per currency. */
    public record Revenue(Map<String, Long> paidCents, Map<String, Long> openCents, int invoices) {
    }
}
