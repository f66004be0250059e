package org.scholarly.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhooks from being turned against the service's own network (SSRF): the host is resolved once and every
 * address it resolves to must be public ({@link PublicAddresses}). Checked when the subscription is created and
 * again before each send, because DNS can change in between; the send then connects to the address checked here.
 *
 * <p>Refusals never name the address a host resolved to, so that the policy cannot be used to read internal DNS.
 */
public final class TargetPolicy {

    /** Name resolution, replaceable so that tests can play a DNS server that answers with any address. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateTargets;
    private final Resolver resolver;

    public TargetPolicy(boolean allowPrivateTargets) {
        this(allowPrivateTargets, InetAddress::getAllByName);
    }

    public TargetPolicy(boolean allowPrivateTargets, Resolver resolver) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    /** The target with the address to connect to, or {@link RefusedTargetException} saying why it is refused. */
    public CheckedTarget requireAllowed(String target) {
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
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new UnresolvableTargetException();
        }
        if (addresses.length == 0) {
            throw new UnresolvableTargetException();
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                // Every answer, not just the one used: a name that mixes public and internal addresses is suspect.
                if (!PublicAddresses.isPublic(address)) {
                    throw new RefusedTargetException(
                            "resolves to an address that is not public (loopback, private, link-local or reserved)");
                }
            }
        }
        return new CheckedTarget(uri, withoutHostName(addresses[0]));
    }

    /** The bare address: one that still carried its host name could be looked up again by whoever connects. */
    private static InetAddress withoutHostName(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a resolved address has a valid length", e);
        }
    }
}
