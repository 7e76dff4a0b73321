package com.practicecal.shared.client;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.client.ClientRequests.ClientPage;
import com.practicecal.shared.client.ClientRequests.ClientSummaries;
import com.practicecal.shared.client.ClientRequests.ClientSummary;
import com.practicecal.shared.client.ClientRequests.ClientView;
import com.practicecal.shared.client.ClientRequests.CreateClientRequest;
import com.practicecal.shared.client.ClientRequests.UpdateClientRequest;
import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.clientrecord.ClientName;
import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.grant.Grant;
import com.practicecal.shared.grant.GrantItem;
import com.practicecal.shared.staff.StaffScopes;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Page;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Client records (Klientenakte): create, read, change and search — owner and staff with {@code documentation};
 * grantees search and create through minimal views only ("Erika M."). Each change is one conditional transaction
 * with its outbox event; events carry ids and changed field names, never names or contact data.
 */
@Singleton
public class ClientService {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int GRANTEE_LIMIT = 10;
    static final int MAX_ATTEMPTS = 5;

    private final MainTable table;
    private final AccessPolicy access;
    private final Clock clock;

    public ClientService(MainTable table, AccessPolicy access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    /** Search parameters: an optional name prefix (several words: each must start one of the names). */
    public record SearchQuery(String query, int limit, String cursor) {
    }

    public ClientView create(Principal principal, CreateClientRequest request, String requestId) {
        Membership me = access.member(principal, StaffScopes.DOCUMENTATION);
        return ClientView.of(insert(me, request, access.actor(me).userId(), access.events(me, requestId,
                clock.instant()), null, principal));
    }

    /** A grantee creates a client for the account it works in: stored in full, answered in the minimal form. */
    public ClientSummary createDelegated(Principal principal, String accountId, CreateClientRequest request,
                                         String requestId) {
        BookingCaller caller = BookingCaller.delegated(principal, accountId, Grant.WRITE, access);
        Membership me = caller.resolve(table.read(caller.identityKeys()));
        ClientRecord record = insert(me, request, caller.actor(me).userId(),
                new Events(caller.actor(me), requestId, clock.instant()), caller, principal);
        return new ClientSummary(record.id(), record.minimalName());
    }

    private ClientRecord insert(Membership me, CreateClientRequest request, String by, Events events,
                                BookingCaller guard, Principal principal) {
        Instant now = clock.instant();
        ClientRecord record = new ClientRecord(UUID.randomUUID().toString(), me.accountId(),
                request.firstName().strip(), request.lastName().strip(),
                com.practicecal.shared.validation.Check.optionalEmail("email", request.email()),
                com.practicecal.shared.validation.Check.optionalPhone("phone", request.phone()),
                ClientRequests.parseBirthDate("birthDate", request.birthDate()),
                ClientRequests.cleanNotes("notes", request.notes()), ClientRecord.SOURCE_MANUAL, ClientRecord.ACTIVE,
                null, by, now, now, 1);
        Transaction tx = table.transaction().put(ClientItem.TAG, ClientItem.toItem(record), Condition.NEW_ITEM);
        ClientItem.directory(record).forEach(item -> tx.put(ClientItem.DIRECTORY_TAG, item, null));
        tx.with(events.emit(me.accountId(), "client.created", "client", record.id(),
                Map.of("source", new Change(null, ClientRecord.SOURCE_MANUAL))));
        if (guard != null) {
            guard.guard(tx, me);
        } else {
            access.guardStaff(tx, me, StaffScopes.DOCUMENTATION);
        }
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            if (e.failed(GrantItem.TAG)) {
                throw new NotFoundException(ErrorCodes.NOT_FOUND, "not found");
            }
            throw staffChanged(principal, e);
        }
        return record;
    }

    public ClientView get(Principal principal, String clientId, String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), ClientItem.key(clientId)));
        Membership me = access.member(principal, read, StaffScopes.DOCUMENTATION);
        ClientRecord record = active(me, read, clientId);
        logStaffRead(me, "client.viewed", "client", clientId, requestId);
        return ClientView.of(record);
    }

    public ClientView update(Principal principal, String clientId, UpdateClientRequest request, String requestId) {
        for (int attempt = 1; ; attempt++) {
            Snapshot read = table.read(List.of(UserItem.key(principal.userId()), ClientItem.key(clientId)));
            Membership me = access.member(principal, read, StaffScopes.DOCUMENTATION);
            ClientRecord before = active(me, read, clientId);
            Instant now = clock.instant();
            ClientRecord after = new ClientRecord(before.id(), before.accountId(),
                    request.firstName() == null ? before.firstName() : request.firstName().strip(),
                    request.lastName() == null ? before.lastName() : request.lastName().strip(),
                    request.email() == null ? before.email()
                            : com.practicecal.shared.validation.Check.optionalEmail("email", request.email()),
                    request.phone() == null ? before.phone()
                            : com.practicecal.shared.validation.Check.optionalPhone("phone", request.phone()),
                    request.birthDate() == null ? before.birthDate()
                            : ClientRequests.parseBirthDate("birthDate", request.birthDate()),
                    request.notes() == null ? before.notes() : ClientRequests.cleanNotes("notes", request.notes()),
                    before.source(), ClientRecord.ACTIVE, null, before.createdBy(), before.createdAt(), now,
                    before.version() + 1);
            Map<String, Change> changed = changedFields(before, after);
            if (changed.isEmpty()) {
                return ClientView.of(before);
            }
            Events events = access.events(me, requestId, now);
            Transaction tx = table.transaction().put(ClientItem.TAG, ClientItem.toItem(after), unchanged(before));
            replaceDirectory(tx, before, after);
            tx.with(events.emit(me.accountId(), "client.updated", "client", clientId,
                    changed));
            access.guardStaff(tx, me, StaffScopes.DOCUMENTATION);
            try {
                table.write(tx);
                return ClientView.of(after);
            } catch (TransactionFailedException e) {
                if (e.failed(AccessPolicy.STAFF_TAG)) {
                    throw staffChanged(principal, e);
                }
                retryOrGiveUp(attempt);
            }
        }
    }

    /**
     * The client directory, for the owner and staff with {@code documentation}: without a query in name order,
     * with one the clients one of whose names starts with each query word (case and diacritics ignored).
     */
    public ClientPage search(Principal principal, SearchQuery query, String requestId) {
        Membership me = access.member(principal, StaffScopes.DOCUMENTATION);
        Found found = find(me.accountId(), query.query(), query.limit(), query.cursor());
        List<ClientView> items = new ArrayList<>();
        if (!found.clientIds().isEmpty()) {
            Snapshot records = table.read(found.clientIds().stream().map(ClientItem::key).toList());
            for (String id : found.clientIds()) {
                records.get(ClientItem.key(id), ClientItem::fromItem).filter(ClientRecord::active)
                        .ifPresent(record -> items.add(listed(record)));
            }
        }
        logStaffRead(me, "clients.viewed", "account", me.accountId(), requestId);
        return new ClientPage(items, found.nextCursor());
    }

    /** A grantee picks a client: a query of at least two letters, at most ten answers, "Erika M." only. */
    public ClientSummaries searchDelegated(Principal principal, String accountId, String query) {
        BookingCaller caller = BookingCaller.delegated(principal, accountId, Grant.WRITE, access);
        Membership me = caller.resolve(table.read(caller.identityKeys()));
        return minimalMatches(me, query);
    }

    /**
     * Whoever books for the practice (the owner, staff with {@code appointments}, e.g. a secretary without
     * {@code documentation}) picks a client: the same minimal answers a grantee gets, never the directory.
     */
    public ClientSummaries lookup(Principal principal, String query) {
        return minimalMatches(access.member(principal, StaffScopes.APPOINTMENTS), query);
    }

    private ClientSummaries minimalMatches(Membership me, String query) {
        List<String> words = ClientName.queryWords(query);
        if (query == null || words.isEmpty() || words.get(0).length() < 2) {
            throw new ValidationException("query", "must start with at least two letters of a name");
        }
        Found found = find(me.accountId(), query, GRANTEE_LIMIT, null);
        return new ClientSummaries(found.entries().stream()
                .map(e -> new ClientSummary(e.clientId(), ClientName.minimal(e.firstName(), e.lastName()))).toList());
    }

    private record Found(List<String> clientIds, List<ClientItem.Entry> entries, String nextCursor) {
    }

    private Found find(String accountId, String query, int limit, String cursor) {
        String partition = ClientItem.directoryPartition(accountId);
        List<String> words = query == null ? List.of() : ClientName.queryWords(query);
        if (query != null && words.isEmpty()) {
            throw new ValidationException("query", "must contain letters or digits");
        }
        String prefix = words.isEmpty() ? ClientItem.ALPHA_PREFIX : ClientItem.TOKEN_PREFIX + words.get(0);
        Query directory = Query.partition(partition).sortBeginsWith(prefix).limit(limit);
        if (cursor != null) {
            DirectoryCursor.continueAt(directory, table, accountId, cursor);
        }
        Page<ClientItem.Entry> page = table.page(directory, ClientItem::entry);
        List<ClientItem.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ClientItem.Entry entry : page.items()) {
            if (!words.isEmpty() && !counts(entry, words)) {
                continue;
            }
            if (seen.add(entry.clientId())) {
                entries.add(entry);
            }
        }
        return new Found(entries.stream().map(ClientItem.Entry::clientId).toList(), entries, DirectoryCursor.next(page));
    }

    /**
     * A token entry answers the query if every other query word starts one of the client's names, and it is the
     * client's first token (in index order) the first word matches: each client once, also across pages.
     */
    static boolean counts(ClientItem.Entry entry, List<String> words) {
        String first = words.get(0);
        String firstMatching = entry.tokens().stream().filter(t -> t.startsWith(first)).sorted().findFirst().orElse(null);
        if (!Objects.equals(firstMatching, entry.token())) {
            return false;
        }
        return words.stream().skip(1).allMatch(w -> entry.tokens().stream().anyMatch(t -> t.startsWith(w)));
    }

    /** The record of the caller's account if it is active; anything else is 404. */
    ClientRecord active(Membership me, Snapshot read, String clientId) {
        ClientRecord record = read.get(ClientItem.key(clientId), ClientItem::fromItem).orElse(null);
        if (record == null || !record.accountId().equals(me.accountId()) || !record.active()) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "client not found");
        }
        return record;
    }

    /** The directory follows a name change: entries of the old names go, those of the new ones come. */
    static void replaceDirectory(Transaction tx, ClientRecord before, ClientRecord after) {
        ClientItem.staleDirectoryKeys(before, after).forEach(key -> tx.delete(ClientItem.DIRECTORY_TAG, key, null));
        boolean renamed = after != null && (!Objects.equals(before.firstName(), after.firstName())
                || !Objects.equals(before.lastName(), after.lastName()));
        if (renamed) {
            ClientItem.directory(after).forEach(item -> tx.put(ClientItem.DIRECTORY_TAG, item, null));
        }
    }

    static Condition unchanged(ClientRecord before) {
        return ClientItem.unchanged(before);
    }

    /** Which fields changed, by name only: the audit trail never holds client data. */
    static Map<String, Change> changedFields(ClientRecord before, ClientRecord after) {
        Map<String, Change> changed = new LinkedHashMap<>();
        mark(changed, "firstName", before.firstName(), after.firstName());
        mark(changed, "lastName", before.lastName(), after.lastName());
        mark(changed, "email", before.email(), after.email());
        mark(changed, "phone", before.phone(), after.phone());
        mark(changed, "birthDate", before.birthDate(), after.birthDate());
        mark(changed, "notes", before.notes(), after.notes());
        return changed;
    }

    private static void mark(Map<String, Change> changed, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changed.put(field, new Change(null, null));
        }
    }

    static ClientView listed(ClientRecord c) {
        ClientView full = ClientView.of(c);
        return new ClientView(full.id(), full.firstName(), full.lastName(), full.email(), full.phone(), full.birthDate(),
                null, full.source(), full.createdAt(), full.updatedAt());
    }

    /** Staff opening client data leave an audit entry; the owner's own reads do not. */
    void logStaffRead(Membership me, String action, String targetType, String targetId, String requestId) {
        if (me.role() == Role.OWNER) {
            return;
        }
        Events events = access.events(me, requestId, clock.instant());
        table.write(table.transaction().with(events.emit(me.accountId(), action, targetType,
                targetId, Map.of())));
    }

    /**
     * A staff write cancelled by {@link AccessPolicy#guardStaff}: the member was removed or lost the scope while it
     * was in flight; their current standing answers (404 removed, 403 scope). Anything else: retry.
     */
    RuntimeException staffChanged(Principal principal, TransactionFailedException e) {
        if (e.failed(AccessPolicy.STAFF_TAG)) {
            access.member(principal, StaffScopes.DOCUMENTATION);
        }
        return new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "please retry");
    }

    static void retryOrGiveUp(int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the client changed concurrently; please retry");
        }
        try {
            Thread.sleep(com.practicecal.shared.runtime.RetryJitter.between(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "interrupted; please retry");
        }
    }
}
