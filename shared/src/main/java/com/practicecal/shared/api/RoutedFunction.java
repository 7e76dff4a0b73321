package com.practicecal.shared.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.Set;

/**
 * Base of a function serving several routes of one bounded context: API Gateway's {@code routeKey} (e.g.
 * {@code GET /v1/rooms/{roomId}}) selects the route from one explicit table; an unknown key is a JSON 404 through
 * the {@link ErrorMapper} like any other failure.
 */
public abstract class RoutedFunction extends ApiFunction {
    private volatile Map<String, Route> table;

    /** One route: parsed request in, response out. */
    @FunctionalInterface
    public interface Route {
        ApiResponse handle(ApiRequest request);
    }

    protected RoutedFunction() {
        super();
    }

    protected RoutedFunction(ApplicationContext context) {
        super(context);
    }

    /** The route table: route key to route, e.g. {@code Map.ofEntries(route("GET /v1/me", this::me))}. */
    protected abstract Map<String, Route> routes();

    protected static Map.Entry<String, Route> route(String routeKey, Route route) {
        return Map.entry(routeKey, route);
    }

    /** The route keys this function serves; the template must give it exactly these HttpApi events. */
    public final Set<String> routeKeys() {
        return table().keySet();
    }

    @Override
    protected final ApiResponse handle(ApiRequest request) {
        String routeKey = request.routeKey();
        Route route = routeKey == null ? null : table().get(routeKey);
        if (route == null) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "not found");
        }
        return route.handle(request);
    }

    private Map<String, Route> table() {
        Map<String, Route> current = table;
        if (current == null) {
            current = Map.copyOf(routes());
            table = current;
        }
        return current;
    }
}
