package com.practicecal.local;

import java.util.Locale;

/**
 * An {@code HttpApi} event of a function: {@code METHOD /path/{param}} and the authorizer guarding it
 * ({@code null} when the route is public, i.e. {@code Auth.Authorizer: NONE} or no authorizer configured).
 */
public record HttpApiRoute(String functionId, String method, String path, String authorizer) {

    public HttpApiRoute {
        method = method.toUpperCase(Locale.ROOT);
    }

    public boolean isPublic() {
        return authorizer == null;
    }

    /** API Gateway's route key, e.g. {@code GET /v1/rooms/{roomId}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
