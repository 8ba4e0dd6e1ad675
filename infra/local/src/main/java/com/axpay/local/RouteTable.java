package com.axpay.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API route selection: a literal segment beats a {@code {param}}, which beats a greedy {@code {proxy+}}; a
 * route for the request's method beats {@code ANY}; {@code $default} catches the rest.
 */
final class RouteTable {

    /** A selected route and the path parameters it captured (decoded). */
    record Match(SamTemplate.HttpRoute route, Map<String, String> pathParameters) {
    }

    private final List<SamTemplate.HttpRoute> routes;

    RouteTable(List<SamTemplate.HttpRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    List<SamTemplate.HttpRoute> routes() {
        return routes;
    }

    Optional<Match> match(String method, String rawPath) {
        String[] segments = split(rawPath);
        Optional<Scored> best = routes.stream()
                .filter(r -> !r.isDefault() && (r.method().equals("ANY") || r.method().equals(method)))
                .map(r -> score(r, segments))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(Scored::literals)
                        .thenComparing(s -> !s.greedy())
                        .thenComparing(s -> !s.match().route().method().equals("ANY")));
        if (best.isPresent()) {
            return Optional.of(best.get().match());
        }
        return routes.stream().filter(SamTemplate.HttpRoute::isDefault).findFirst()
                .map(r -> new Match(r, Map.of()));
    }

    private record Scored(Match match, int literals, boolean greedy) {
    }

    private static Optional<Scored> score(SamTemplate.HttpRoute route, String[] path) {
        String[] template = split(route.path());
        Map<String, String> params = new LinkedHashMap<>();
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("+}") && i == template.length - 1) {
                if (path.length <= i) {
                    return Optional.empty();
                }
                params.put(t.substring(1, t.length() - 2), decode(String.join("/",
                        java.util.Arrays.copyOfRange(path, i, path.length))));
                return Optional.of(new Scored(new Match(route, params), literals, true));
            }
            if (i >= path.length) {
                return Optional.empty();
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(t.substring(1, t.length() - 1), decode(path[i]));
            } else if (t.equals(path[i])) {
                literals++;
            } else {
                return Optional.empty();
            }
        }
        return template.length == path.length
                ? Optional.of(new Scored(new Match(route, params), literals, false))
                : Optional.empty();
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
