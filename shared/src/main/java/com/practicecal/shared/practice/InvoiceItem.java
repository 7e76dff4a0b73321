package com.practicecal.shared.practice;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An invoice for a booking: PK {@code INVOICE#<id>}, SK {@code INVOICE}, listed per account through GSI1
 * ({@code ACCOUNT#<id>#INVOICES}). Holds the appointment's date and service only — no appointment details.
 */
public final class InvoiceItem {
    /** Transaction tag of an invoice. */
    public static final TxTag TAG = TxTag.of("invoice");
    public static final String PREFIX = "INVOICE#";
    public static final String SORT = "INVOICE";
    public static final String STATUS = "invoiceStatus";
    public static final String OPEN = "OPEN";
    public static final String PAID = "PAID";
    /** Set when the recipient's other data was erased: shown only to the owner and {@code invoicing} (Art. 18). */
    public static final String RESTRICTED = "restricted";

    private InvoiceItem() {
    }

    public record Invoice(String id, String accountId, String bookingId, LocalDate appointmentDate, String serviceId,
                          long amountCents, String currency, String recipientName, String recipientEmail, String status,
                          Instant createdAt, boolean restricted) {
        public Invoice(String id, String accountId, String bookingId, LocalDate appointmentDate, String serviceId,
                       long amountCents, String currency, String recipientName, String recipientEmail, String status,
                       Instant createdAt) {
            this(id, accountId, bookingId, appointmentDate, serviceId, amountCents, currency, recipientName,
                    recipientEmail, status, createdAt, false);
        }
    }

    /** The invoice is the account's (checked when its status changes). */
    public static final String OF_ACCOUNT = "#account = :account";

    /** {@code accountId} sets the status of one of its invoices. */
    public static Expression setStatus(String status, String accountId) {
        return Expression.update("SET #status = :status").when(OF_ACCOUNT).name("#status", STATUS)
                .name("#account", "accountId").value(":status", Attr.s(status)).value(":account", Attr.s(accountId));
    }

    public static Map<String, AttributeValue> key(String id) {
        return Attr.key(PREFIX + id, SORT);
    }

    public static String listPartition(String accountId) {
        return "ACCOUNT#" + accountId + "#INVOICES";
    }

    public static Map<String, AttributeValue> toItem(Invoice invoice) {
        Map<String, AttributeValue> item = new HashMap<>(key(invoice.id()));
        item.put(Attr.TYPE, Attr.s("Invoice"));
        item.put("invoiceId", Attr.s(invoice.id()));
        item.put("accountId", Attr.s(invoice.accountId()));
        item.put("bookingId", Attr.s(invoice.bookingId()));
        item.put("appointmentDate", Attr.s(invoice.appointmentDate().toString()));
        if (invoice.serviceId() != null) {
            item.put("serviceId", Attr.s(invoice.serviceId()));
        }
        item.put("amountCents", Attr.n(invoice.amountCents()));
        item.put("currency", Attr.s(invoice.currency()));
        item.put("recipientName", Attr.s(invoice.recipientName()));
        if (invoice.recipientEmail() != null) {
            item.put("recipientEmail", Attr.s(invoice.recipientEmail()));
        }
        item.put(STATUS, Attr.s(invoice.status()));
        if (invoice.restricted()) {
            item.put(RESTRICTED, AttributeValue.fromBool(true));
        }
        item.put("createdAt", Attr.s(invoice.createdAt().toString()));
        item.put(Attr.GSI1PK, Attr.s(listPartition(invoice.accountId())));
        item.put(Attr.GSI1SK, Attr.s(invoice.createdAt() + "#" + invoice.id()));
        return item;
    }

    public static Invoice fromItem(Map<String, AttributeValue> item) {
        return new Invoice(Attr.str(item, "invoiceId"), Attr.str(item, "accountId"), Attr.str(item, "bookingId"),
                LocalDate.parse(Attr.str(item, "appointmentDate")), Attr.str(item, "serviceId"),
                Attr.num(item, "amountCents", 0), Attr.str(item, "currency"), Attr.str(item, "recipientName"),
                Attr.str(item, "recipientEmail"), Attr.str(item, STATUS), Instant.parse(Attr.str(item, "createdAt")),
                item.containsKey(RESTRICTED) && Boolean.TRUE.equals(item.get(RESTRICTED).bool()));
    }
}
