package com.practicecal.local;

import java.util.Map;

/** The route a request was sent to, with its decoded path parameters. */
public record RouteMatch(HttpApiRoute route, Map<String, String> pathParameters) {
}
