package com.axpay.core.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Storefront return URLs we may send a buyer back to. An entry allows URLs with exactly its origin (scheme, host,
 * port) whose path starts with its path at a segment boundary ("/shop/return" allows "/shop/return/ok" but not
 * "/shop/returnx"; "/shop/return/" allows "/shop/return/ok" but not "/shop/return"). Only https is accepted,
 * except for loopback hosts (local development).
 */
public final class ReturnUrlAllowList {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final List<Entry> entries;

    private record Entry(String scheme, String host, int port, String path) {
    }

    private ReturnUrlAllowList(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Builds the list from configuration, failing with a message that names the bad entry.
     *
     * @throws IllegalArgumentException when the list is empty or an entry is not an allowed absolute URL
     */
    public static ReturnUrlAllowList of(List<String> allowed) {
        if (allowed == null || allowed.isEmpty()) {
            throw new IllegalArgumentException("return URL allow-list is empty");
        }
        List<Entry> entries = new ArrayList<>();
        for (String s : allowed) {
            URI uri = parse(s);
            if (uri == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("return URL allow-list entry is not a valid base URL: " + s);
            }
            entries.add(entry(uri));
        }
        return new ReturnUrlAllowList(List.copyOf(entries));
    }

    /** Whether the URL may be used as a return URL. */
    public boolean allows(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getFragment() != null) {
            return false;
        }
        Entry candidate = entry(uri);
        for (Entry e : entries) {
            if (e.scheme.equals(candidate.scheme) && e.host.equals(candidate.host) && e.port == candidate.port
                    && underPath(candidate.path, e.path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean underPath(String path, String prefix) {
        if (prefix.isEmpty() || prefix.equals("/")) {
            return true;
        }
        if (prefix.endsWith("/")) {
            return path.startsWith(prefix); // "/checkout/" is a folder: "/checkout" itself is not under it
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** A normalized absolute http(s) URL without user info and dot segments, or null. */
    private static URI parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(s.strip());
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
            if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
                return null;
            }
            String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (rawPath.contains("/./") || rawPath.contains("/../") || rawPath.endsWith("/..")
                    || rawPath.endsWith("/.") || rawPath.contains("%2e") || rawPath.contains("%2E")
                    || rawPath.contains("\\")) {
                return null; // dot segments could walk out of the allowed path prefix
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Entry entry(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new Entry(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, path);
    }
}
