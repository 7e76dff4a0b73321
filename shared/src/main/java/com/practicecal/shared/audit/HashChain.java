package com.practicecal.shared.audit;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper evidence of the audit log: hash = SHA-256(canonical entry + prevHash), per account, in commit
 * order. Canonical = the entry without its hash as JSON with keys sorted, so any edit changes the hash.
 */
public final class HashChain {
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private HashChain() {
    }

    /** The canonical text of an entry, without its own hash. */
    public static String canonical(AuditEntry entry) {
        AuditEntry unsigned = new AuditEntry(entry.seq(), entry.eventId(), entry.accountId(), entry.actor(),
                entry.onBehalfOf(), entry.action(), entry.target(), entry.at(), entry.changes(), entry.operationId(),
                entry.channel(), entry.requestId(), entry.prevHash(), null);
        try {
            return CANONICAL.writeValueAsString(unsigned);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(String canonical, String prevHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(canonical.getBytes(StandardCharsets.UTF_8));
            digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AuditEntry seal(AuditEntry unsealed) {
        String hash = hash(canonical(unsealed), unsealed.prevHash());
        return new AuditEntry(unsealed.seq(), unsealed.eventId(), unsealed.accountId(), unsealed.actor(),
                unsealed.onBehalfOf(), unsealed.action(), unsealed.target(), unsealed.at(), unsealed.changes(),
                unsealed.operationId(), unsealed.channel(), unsealed.requestId(), unsealed.prevHash(), hash);
    }

    public static boolean intact(AuditEntry entry) {
        return entry.hash() != null && entry.hash().equals(hash(canonical(entry), entry.prevHash()));
    }

    static ObjectMapper mapper() {
        return CANONICAL;
    }
}
