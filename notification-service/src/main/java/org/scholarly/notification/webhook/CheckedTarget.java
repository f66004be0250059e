package org.scholarly.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * A webhook target that passed the {@link TargetPolicy}, with the one address that passed: the call connects to
 * exactly that address and never resolves the host name again, so a DNS answer that changes between the check and
 * the connection (DNS rebinding) cannot steer it elsewhere. The host name is still what TLS (SNI, certificate
 * check) and the Host header see.
 */
public record CheckedTarget(URI uri, InetAddress address) {

    /** The host name as written, without the brackets of an IPv6 literal. */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public boolean https() {
        return uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
    }

    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : https() ? 443 : 80;
    }

    /** Path and query, as the request line carries them. */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
