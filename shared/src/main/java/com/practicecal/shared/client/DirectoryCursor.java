package com.practicecal.shared.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.clientrecord.ClientName;
import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Page;
import com.practicecal.shared.store.Query;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Pagination cursors of the client directory that carry no name: the directory's sort keys hold folded names,
 * and cursors end up in URLs, browser histories and access logs. A cursor names the last client and the position
 * of the name token its page ended on ({@code -1}: the name-order entry); the next page rebuilds the key from the
 * record (one read). A cursor whose client was renamed, merged or erased meanwhile is refused (422 on cursor).
 */
final class DirectoryCursor {
    private DirectoryCursor() {
    }

    /** The cursor after a page (the directory query has no filter, so its last item is the last evaluated key). */
    static String next(Page<ClientItem.Entry> page) {
        if (!page.hasMore() || page.items().isEmpty()) {
            return null;
        }
        ClientItem.Entry last = page.items().get(page.items().size() - 1);
        int position = last.token() == null ? -1 : last.tokens().indexOf(last.token());
        String json = Json.write(Map.of("c", last.clientId(), "p", Integer.toString(position)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Continues {@code directory} after the entry {@code cursor} names (rebuilt from the client's record). */
    static Query continueAt(Query directory, DynamoTable table, String accountId, String cursor) {
        String clientId;
        int position;
        try {
            Map<String, String> plain = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, String>>() { });
            clientId = plain.get("c");
            position = Integer.parseInt(plain.get("p"));
        } catch (RuntimeException | java.io.IOException e) {
            throw invalid();
        }
        if (clientId == null || !clientId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw invalid();
        }
        ClientRecord record = table.read(List.of(ClientItem.key(clientId))).get(ClientItem.key(clientId), ClientItem::fromItem)
                .orElse(null);
        if (record == null || !record.active() || !accountId.equals(record.accountId())) {
            throw invalid();
        }
        List<String> tokens = new ArrayList<>(ClientName.tokens(record.firstName(), record.lastName()));
        String sort;
        if (position == -1) {
            sort = ClientItem.ALPHA_PREFIX + ClientName.sortKey(record.firstName(), record.lastName()) + "#" + clientId;
        } else if (position >= 0 && position < tokens.size()) {
            sort = ClientItem.TOKEN_PREFIX + tokens.get(position) + "#" + clientId;
        } else {
            throw invalid();
        }
        return directory.afterKey(ClientItem.directoryKey(accountId, sort));
    }

    private static ValidationException invalid() {
        return new ValidationException("cursor", "is not a valid cursor (or its client changed); start the listing again");
    }
}
