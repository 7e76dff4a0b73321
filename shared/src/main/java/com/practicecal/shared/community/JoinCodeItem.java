package com.practicecal.shared.community;

import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A single-use code to join a community, as practices pass it on by phone or in a chat: 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), shown as {@code ABCD-EFGH}, ~40 bits. PK {@code JOINCODE#<code>},
 * SK {@code JOINCODE}; the join marks it used with a conditional write. Removed by TTL 30 days after expiry.
 * Each code has an id and, while it can be used, an entry in the issuer's partition ({@code ACCOUNT#<accountId>} /
 * {@code JOINCODE#<id>}, no code, only its last two characters) for the owner's list; the join and a revocation
 * delete the entry in their own transactions. The id, never the code, names a code in a URL.
 */
public final class JoinCodeItem {
    /** Transaction tag of a join code. */
    public static final TxTag TAG = TxTag.of("code");
    /** Transaction tag of the issuer's entry of a join code. */
    public static final TxTag ENTRY_TAG = TxTag.of("entry");
    public static final String PREFIX = "JOINCODE#";
    public static final String SORT = "JOINCODE";
    public static final String STATUS = "codeStatus";
    public static final String VALID_UNTIL = "validUntil";
    public static final String ISSUED = "ISSUED";
    public static final String USED = "USED";
    public static final String REVOKED = "REVOKED";
    public static final String CODE_ID = "codeId";
    /** The code can still be used: issued, not used or revoked, and not expired. */
    public static final String ISSUED_AND_VALID = "#status = :issued AND #validUntil > :now";
    public static final Duration VALIDITY = Duration.ofDays(7);
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodeItem() {
    }

    public record JoinCode(String code, String communityId, String issuerAccountId, String status, Instant createdAt,
                           Instant validUntil, String usedByAccountId, String id) {
    }

    /** An active code as the issuing owner's list shows it: id, the code's last two characters, times. */
    public record Entry(String id, String code, String hint, Instant createdAt, Instant validUntil) {
    }

    public static Map<String, AttributeValue> entryKey(String accountId, String id) {
        return Attr.key("ACCOUNT#" + accountId, PREFIX + id);
    }

    public static Map<String, AttributeValue> entry(JoinCode c) {
        Map<String, AttributeValue> item = new HashMap<>(entryKey(c.issuerAccountId(), c.id()));
        item.put(Attr.TYPE, Attr.s("JoinCodeEntry"));
        item.put(CODE_ID, Attr.s(c.id()));
        item.put("code", Attr.s(c.code())); // to revoke it; never answered
        item.put("createdAt", Attr.s(c.createdAt().toString()));
        item.put(VALID_UNTIL, Attr.s(c.validUntil().toString()));
        item.put(Attr.EXPIRES_AT, Attr.n(c.validUntil().plus(Duration.ofDays(30)).getEpochSecond()));
        return item;
    }

    public static Entry entryFromItem(Map<String, AttributeValue> item) {
        String code = Attr.str(item, "code");
        return new Entry(Attr.str(item, CODE_ID), code, "****-**" + code.substring(code.length() - 2),
                Instant.parse(Attr.str(item, "createdAt")), Instant.parse(Attr.str(item, VALID_UNTIL)));
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** "abcd efgh", "ABCD-EFGH" → "ABCDEFGH"; anything that cannot be a code is a 422 on {@code code}. */
    public static String normalize(String input) {
        if (input == null || input.isBlank()) {
            throw new ValidationException("code", "is required");
        }
        String code = input.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (code.length() != LENGTH || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new ValidationException("code", "must be a join code like ABCD-EFGH");
        }
        return code;
    }

    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** The account {@code accountId} uses the code at {@code now}, if it is still issued and valid. */
    public static Expression use(String accountId, Instant now) {
        return stillValid(Expression.update("SET #status = :used, #usedBy = :account"), now)
                .name("#usedBy", "usedByAccountId").value(":used", Attr.s(USED)).value(":account", Attr.s(accountId));
    }

    /** The issuer revokes the code at {@code now}, if it is still issued and valid. */
    public static Expression revoke(Instant now) {
        return stillValid(Expression.update("SET #status = :revoked"), now).value(":revoked", Attr.s(REVOKED));
    }

    private static Expression stillValid(Expression update, Instant now) {
        return update.when(ISSUED_AND_VALID).name("#status", STATUS).name("#validUntil", VALID_UNTIL)
                .value(":issued", Attr.s(ISSUED)).value(":now", Attr.s(now.toString()));
    }

    public static Map<String, AttributeValue> key(String code) {
        return Attr.key(PREFIX + code, SORT);
    }

    public static Map<String, AttributeValue> toItem(JoinCode c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.code()));
        item.put(Attr.TYPE, Attr.s("JoinCode"));
        item.put("communityId", Attr.s(c.communityId()));
        item.put("issuerAccountId", Attr.s(c.issuerAccountId()));
        item.put(STATUS, Attr.s(c.status()));
        if (c.id() != null) {
            item.put(CODE_ID, Attr.s(c.id()));
        }
        item.put("createdAt", Attr.s(c.createdAt().toString()));
        item.put(VALID_UNTIL, Attr.s(c.validUntil().toString()));
        item.put(Attr.EXPIRES_AT, Attr.n(c.validUntil().plus(Duration.ofDays(30)).getEpochSecond()));
        return item;
    }

    public static JoinCode fromItem(String code, Map<String, AttributeValue> item) {
        return new JoinCode(code, Attr.str(item, "communityId"), Attr.str(item, "issuerAccountId"), Attr.str(item, STATUS),
                Instant.parse(Attr.str(item, "createdAt")), Instant.parse(Attr.str(item, VALID_UNTIL)),
                Attr.str(item, "usedByAccountId"), Attr.str(item, CODE_ID));
    }
}
