package com.practicecal.shared.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.practicecal.shared.runtime.FunctionHandler;
import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Base of every HTTP Lambda: request in, one service call, response out. Subclasses implement only
 * {@link #handle(ApiRequest)}; errors of any kind go through the {@link ErrorMapper}.
 */
public abstract class ApiFunction extends FunctionHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** One line per request: method, route, status, latency (never the path: feed tokens live there). */
    private static final Logger ACCESS = LoggerFactory.getLogger("access");

    protected ApiFunction() {
        super();
    }

    /** For tests and the local runner: share one application context between functions. */
    protected ApiFunction(ApplicationContext context) {
        super(context);
    }

    protected abstract ApiResponse handle(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        return serve(new ApiRequest(event));
    }

    /** The whole request path (access line, error mapping) for a request already parsed, e.g. a priming one. */
    final APIGatewayV2HTTPResponse serve(ApiRequest request) {
        long started = System.nanoTime();
        String route = request.routeKey() == null ? "(no route)" : request.routeKey();
        MDC.put("requestId", request.requestId());
        MDC.put("route", route);
        try {
            ApiResponse response;
            try {
                response = handle(request);
            } catch (RuntimeException failure) {
                response = ErrorMapper.toResponse(failure, request.requestId());
            }
            long latencyMs = (System.nanoTime() - started) / 1_000_000;
            ACCESS.atInfo().addKeyValue("method", request.method()).addKeyValue("status", response.status())
                    .addKeyValue("latencyMs", latencyMs).log("{} {} {}ms", route, response.status(), latencyMs);
            return toEvent(response);
        } finally {
            MDC.clear();
        }
    }

    private static APIGatewayV2HTTPResponse toEvent(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.body() != null) {
            headers.put(ApiResponse.CONTENT_TYPE, "application/json"); // a handler's own Content-Type wins below
        }
        headers.put("Cache-Control", "no-store");
        headers.putAll(response.headers());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
