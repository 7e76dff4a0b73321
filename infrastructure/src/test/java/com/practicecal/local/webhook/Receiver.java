package com.practicecal.local.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on 127.0.0.1: records every request, answers per path: {@code /ok/<name>} 204,
 * {@code /flaky/<k>/<name>} 503 for the first k requests then 204, {@code /down/<name>} always 500. It deduplicates
 * by {@code webhook-id} like a careful consumer: {@link #processed()} holds each id it accepted once.
 */
final class Receiver implements AutoCloseable {
    record Received(String path, Map<String, String> headers, String body, long receivedAtEpochSeconds, int answered) {
        String id() {
            return headers.get("webhook-id");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> processed = new ConcurrentHashMap<>();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            int n = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String[] parts = path.split("/");
            int status;
            if (path.startsWith("/flaky/")) {
                status = n <= Integer.parseInt(parts[2]) ? 503 : 204;
            } else if (path.startsWith("/down/")) {
                status = 500;
            } else {
                status = 204;
            }
            if (status == 204 && headers.get("webhook-id") != null) {
                processed.putIfAbsent(headers.get("webhook-id"), body);
            }
            received.add(new Received(path, Map.copyOf(headers), body, System.currentTimeMillis() / 1000, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    Map<String, String> processed() {
        return processed;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
