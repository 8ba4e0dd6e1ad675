package com.axpay.doctor;

import com.axpay.soap.CustomInfo;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Settings that look fine on paper but will not work: each warning says why and what to do instead. */
final class StackWarnings {
    private StackWarnings() {
    }

    static List<String> of(AxerveTarget target, StackUrls stack, String shopLogin, List<String> customInfoKeys) {
        List<String> warnings = new ArrayList<>();
        if (shopLogin == null) {
            warnings.add("No shop login: pass --shop-login or set " + DoctorOptions.ENV_SHOP_LOGIN
                    + "; without it nothing can be checked and Axerve cannot be called.");
        }
        List<String> urls = List.of(stack.positiveUrl(), stack.negativeUrl(), stack.s2sUrl());
        if (target.isReal()) {
            Set<String> unreachable = new LinkedHashSet<>();
            for (String url : urls) {
                String host = URI.create(url).getHost();
                if (isLocal(host)) {
                    unreachable.add(host);
                }
            }
            for (String host : unreachable) {
                warnings.add("The stack URLs point at " + host + ", which Axerve's " + target.name()
                        + " servers cannot reach: the server-to-server notification will never arrive and the"
                        + " buyer's browser only comes back on this machine. Expose the local stack through an"
                        + " HTTPS tunnel (for example cloudflared or ngrok) and run the doctor again with"
                        + " --api-url set to the tunnel's public URL.");
            }
        }
        if (target.isProduction()) {
            List<String> plain = urls.stream()
                    .filter(u -> !u.toLowerCase(Locale.ROOT).startsWith("https:"))
                    .filter(u -> !isLocal(URI.create(u).getHost()))
                    .toList();
            if (!plain.isEmpty()) {
                warnings.add("Not https in production: " + String.join(", ", plain) + ". Buyer data and payment"
                        + " results travel over these URLs; use the stack's https address (API Gateway serves"
                        + " https only).");
            }
        }
        for (String key : customInfoKeys) {
            try {
                CustomInfo.check("customInfo key '" + key + "'", key);
            } catch (IllegalArgumentException e) {
                warnings.add(e.getMessage() + ": Encrypt would be refused; rename the key in the storefront.");
            }
        }
        return warnings;
    }

    /** Keys Axerve refuses are warned about and left out of the Fields & Parameters list. */
    static boolean isAcceptedKey(String key) {
        try {
            CustomInfo.check("customInfo key", key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Loopback, unspecified or private-network hosts; names other than localhost are not resolved. */
    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (ipv4) {
            for (String octet : h.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false; // not an address, and InetAddress would try DNS for it
                }
            }
        } else if (!h.startsWith("[")) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h);
            return a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isSiteLocalAddress()
                    || a.isLinkLocalAddress();
        } catch (UnknownHostException malformedLiteral) {
            return false;
        }
    }
}
