package com.practicecal.shared.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.runtime.SnapStartPriming;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of a function serving several routes of one bounded context: API Gateway's {@code routeKey} (e.g.
 * {@code GET /v1/rooms/{roomId}}) selects the route from one explicit table; an unknown key is a JSON 404 through
 * the {@link ErrorMapper} like any other failure.
 */
public abstract class RoutedFunction extends ApiFunction {
    /** The request id and token subject of priming requests (the caller itself is {@link Principal#PRIMING}). */
    private static final Logger LOG = LoggerFactory.getLogger(RoutedFunction.class);
    public static final String PRIMING_CALLER = Principal.PRIMING.userId();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private volatile Map<String, Route> table;
    private final Map<String, Integer> primed = new java.util.concurrent.ConcurrentHashMap<>();
    private final SnapStartPriming snapStart = SnapStartPriming.register(beanContext(), this::jsonTypes,
            this::primeReadRoute);

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

    /** Request and response types of the routes; priming builds their Jackson (de)serialisers before the snapshot. */
    protected List<Class<?>> primingTypes() {
        return List.of();
    }

    /** The SnapStart priming resource registered at init (tests call its hooks as Lambda does). */
    public final SnapStartPriming snapStart() {
        return snapStart;
    }

    private List<Class<?>> jsonTypes() {
        List<Class<?>> types = new ArrayList<>(List.of(ErrorBody.class));
        types.addAll(primingTypes());
        return types;
    }

    /**
     * Every GET route, called by {@link Principal#PRIMING} (the owner of an account without data): the whole request
     * path of each (access, reads, mapping, JSON of the response) runs before the snapshot; GET routes write nothing.
     * Then the {@link #primingBodies} of write routes, which their validation refuses before any read or write.
     */
    private void primeReadRoute() {
        table().keySet().stream().filter(key -> key.startsWith("GET ")).sorted().forEach(routeKey -> primed.put(
                routeKey, serve(ApiRequest.priming(primingEvent(routeKey, primingQuery(routeKey), null)))
                        .getStatusCode()));
        primingBodies().forEach((routeKey, body) -> {
            int status = serve(ApiRequest.priming(primingEvent(routeKey, Map.of(), body))).getStatusCode();
            primed.put(routeKey, status);
            if (status < 400 || status >= 500) {
                LOG.error("priming body of {} was answered {}: it must be refused by validation", routeKey, status);
            }
        });
    }

    /**
     * Write routes to prime with a body their validation refuses (422 before any read or write), for functions whose
     * first request is a write, e.g. sign-up: the body's strict parse, the validation and the error path run.
     */
    protected Map<String, String> primingBodies() {
        return Map.of();
    }

    /** The status each primed route answered the priming caller with (none is a 5xx: tests check). */
    public final Map<String, Integer> primedStatuses() {
        return Map.copyOf(primed);
    }

    /** Query parameters a GET route needs to get past validation when primed, e.g. a fixed time range. */
    protected Map<String, String> primingQuery(String routeKey) {
        return Map.of();
    }

    static APIGatewayV2HTTPEvent primingEvent(String routeKey) {
        return primingEvent(routeKey, Map.of(), null);
    }

    static APIGatewayV2HTTPEvent primingEvent(String routeKey, Map<String, String> query, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            parameters.put(matcher.group(1), "priming");
        }
        String rawPath = PATH_PARAMETER.matcher(path).replaceAll("priming");
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(rawPath)
                .withRawQueryString(query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("&")))
                .withQueryStringParameters(query.isEmpty() ? null : query).withHeaders(body == null ? Map.of("host", "localhost")
                        : Map.of("host", "localhost", "content-type", "application/json")).withBody(body)
                .withPathParameters(parameters.isEmpty() ? null : parameters).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(PRIMING_CALLER)
                        .withRouteKey(routeKey)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath(rawPath).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", PRIMING_CALLER)).build()).build())
                        .build())
                .build();
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
