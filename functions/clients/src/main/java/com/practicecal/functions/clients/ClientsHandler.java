package com.practicecal.functions.clients;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.validation.Check;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.client.ClientRequests;
import com.practicecal.shared.client.ClientRightsService;
import com.practicecal.shared.client.ClientService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Client records: directory and search, the grantee's minimal search, merge, export and erasure. */
public class ClientsHandler extends RoutedFunction {
    @Inject
    ClientService clients;

    @Inject
    ClientRightsService rights;

    public ClientsHandler() {
    }

    public ClientsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/clients", this::createClient),
                route("GET /v1/clients", this::listClients),
                route("GET /v1/clients/{clientId}", this::getClient),
                route("PATCH /v1/clients/{clientId}", this::updateClient),
                route("DELETE /v1/clients/{clientId}", this::eraseClient),
                route("POST /v1/clients/{clientId}/merge", this::mergeClient),
                route("GET /v1/clients/{clientId}/export", this::exportClient),
                route("GET /v1/clients/{clientId}/bookings", this::clientBookings),
                route("GET /v1/accounts/{accountId}/clients", this::delegatedSearchClients),
                route("POST /v1/accounts/{accountId}/clients", this::delegatedCreateClient),
                route("GET /v1/client-lookup", this::lookupClients));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(ClientRequests.CreateClientRequest.class,
                ClientRequests.UpdateClientRequest.class,
                ClientRequests.MergeRequest.class);
    }

    /** Creates a client record. */
    private ApiResponse createClient(ApiRequest request) {
        return ApiResponse.created(clients.create(request.principal(),
                request.body(ClientRequests.CreateClientRequest.class), request.requestId()));
    }

    /** The directory, optionally filtered by a name prefix; paginated. */
    private ApiResponse listClients(ApiRequest request) {
        return ApiResponse.ok(clients.search(request.principal(), new ClientService.SearchQuery(
                request.query("query").map(q -> Check.optionalText("query", q, 120)).orElse(null),
                Check.limit(request.queryValue("limit"), ClientService.DEFAULT_LIMIT, ClientService.MAX_LIMIT),
                request.query("cursor").map(c -> Check.optionalText("cursor", c, 1024)).orElse(null)),
                request.requestId()));
    }

    /** One client record. */
    private ApiResponse getClient(ApiRequest request) {
        return ApiResponse.ok(clients.get(request.principal(), request.pathParam("clientId"), request.requestId()));
    }

    /** Changes fields of a client record. */
    private ApiResponse updateClient(ApiRequest request) {
        return ApiResponse.ok(clients.update(request.principal(), request.pathParam("clientId"),
                request.body(ClientRequests.UpdateClientRequest.class), request.requestId()));
    }

    /** Erases the client (GDPR Art. 17). */
    private ApiResponse eraseClient(ApiRequest request) {
        rights.erase(request.principal(), request.pathParam("clientId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** Merges the record into another one. */
    private ApiResponse mergeClient(ApiRequest request) {
        return ApiResponse.ok(rights.merge(request.principal(), request.pathParam("clientId"),
                request.body(ClientRequests.MergeRequest.class), request.requestId()));
    }

    /** Everything held on the client (GDPR Art. 15, 20). */
    private ApiResponse exportClient(ApiRequest request) {
        return ApiResponse.ok(rights.export(request.principal(), request.pathParam("clientId"), request.requestId()));
    }

    /** The client's appointments, for the record's page. */
    private ApiResponse clientBookings(ApiRequest request) {
        return ApiResponse.ok(rights.bookings(request.principal(), request.pathParam("clientId"), request.requestId()));
    }

    /** A grantee picks a client: minimal views only. */
    private ApiResponse delegatedSearchClients(ApiRequest request) {
        return ApiResponse.ok(clients.searchDelegated(request.principal(), request.pathParam("accountId"),
                request.query("query").map(q -> Check.optionalText("query", q, 120)).orElse(null)));
    }

    /** A grantee creates a client, answered in the minimal view. */
    private ApiResponse delegatedCreateClient(ApiRequest request) {
        return ApiResponse.created(clients.createDelegated(request.principal(), request.pathParam("accountId"),
                request.body(ClientRequests.CreateClientRequest.class), request.requestId()));
    }

    /** Whoever books for the practice picks a client (secretaries without documentation too): minimal views only. */
    private ApiResponse lookupClients(ApiRequest request) {
        return ApiResponse.ok(clients.lookup(request.principal(),
                request.query("query").map(q -> Check.optionalText("query", q, 120)).orElse(null)));
    }
}
