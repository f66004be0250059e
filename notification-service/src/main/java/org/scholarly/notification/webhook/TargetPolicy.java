package org.scholarly.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhooks from being turned against the service's own network (SSRF): the host is resolved and every
 * address it resolves to must be public. Checked when the subscription is created and again before each send,
 * because DNS can change in between.
 */
public final class TargetPolicy {

    private final boolean allowPrivateTargets;

    public TargetPolicy(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /** The target as a URI, or {@link RefusedTargetException} saying why it is refused. */
    public URI requireAllowed(String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new RefusedTargetException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateTargets && scheme.equals("http"))) {
            throw new RefusedTargetException("must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTargetException("must name a host");
        }
        if (uri.getUserInfo() != null) {
            throw new RefusedTargetException("must not carry credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("has a host that does not resolve: " + uri.getHost());
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new RefusedTargetException("resolves to a loopback, private or link-local address ("
                            + address.getHostAddress() + ")");
                }
            }
        }
        return uri;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local addresses
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0                                  // "this" network
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                || (first == 198 && (second == 18 || second == 19)); // benchmarking networks
    }
}
