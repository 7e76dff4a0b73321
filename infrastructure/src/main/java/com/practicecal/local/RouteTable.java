package com.practicecal.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API route selection: exact paths first, then templates ({@code /v1/rooms/{roomId}}) from the most literal
 * segments down, greedy {@code {proxy+}} after those, {@code $default} last; an exact method beats {@code ANY}.
 * Like API Gateway, a path that exists with another method is simply not found.
 */
public final class RouteTable {
    private final List<Candidate> candidates;

    public RouteTable(List<HttpApiRoute> routes) {
        List<Candidate> sorted = new ArrayList<>();
        for (HttpApiRoute route : routes) {
            sorted.add(new Candidate(route, route.path().equals("$default") ? List.of() : segments(route.path())));
        }
        sorted.sort(Comparator.comparingInt(Candidate::rank).thenComparing(c -> -c.literalCount())
                .thenComparingInt(c -> c.route().method().equals("ANY") ? 1 : 0));
        this.candidates = List.copyOf(sorted);
    }

    public List<HttpApiRoute> routes() {
        return candidates.stream().map(Candidate::route).toList();
    }

    /** @param rawPath the request path as sent (percent-encoded); parameters are returned decoded */
    public Optional<RouteMatch> match(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        for (Candidate candidate : candidates) {
            String routeMethod = candidate.route().method();
            if (!routeMethod.equals("ANY") && !routeMethod.equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> params = candidate.match(segments);
            if (params != null) {
                return Optional.of(new RouteMatch(candidate.route(), params));
            }
        }
        return Optional.empty();
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return List.of(trimmed.split("/", -1));
    }

    private record Candidate(HttpApiRoute route, List<String> template) {
        boolean isDefault() {
            return route.path().equals("$default");
        }

        boolean isGreedy() {
            return !template.isEmpty() && template.get(template.size() - 1).endsWith("+}");
        }

        int literalCount() {
            return (int) template.stream().filter(s -> !s.startsWith("{")).count();
        }

        int rank() {
            if (isDefault()) {
                return 3;
            }
            if (isGreedy()) {
                return 2;
            }
            return literalCount() == template.size() ? 0 : 1;
        }

        /** Path parameters when the segments fit this template, otherwise null. */
        Map<String, String> match(List<String> segments) {
            if (isDefault()) {
                return Map.of();
            }
            boolean greedy = isGreedy();
            if (greedy ? segments.size() < template.size() : segments.size() != template.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String expected = template.get(i);
                if (greedy && i == template.size() - 1) {
                    String rest = PercentDecoding.path(String.join("/", segments.subList(i, segments.size())));
                    if (rest.isEmpty()) {
                        return null;
                    }
                    params.put(expected.substring(1, expected.length() - 2), rest);
                } else if (expected.startsWith("{") && expected.endsWith("}")) {
                    String value = PercentDecoding.pathSegment(segments.get(i));
                    if (value.isEmpty()) {
                        return null;
                    }
                    params.put(expected.substring(1, expected.length() - 1), value);
                } else if (!expected.equals(PercentDecoding.pathSegment(segments.get(i)))) {
                    return null;
                }
            }
            return params;
        }
    }
}
