package org.scholarly.notification.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses a webhook may be sent to: only those that reach the public internet, after the IANA IPv4 and
 * IPv6 special-purpose address registries. IPv6 is allowed only inside global unicast (2000::/3), so that a range
 * nobody has assigned yet is refused rather than trusted.
 *
 * <p>Addresses that carry an IPv4 address inside them are the classic way around such a list: an IPv4-mapped
 * address (::ffff:a.b.c.d) and the well-known NAT64 prefix (64:ff9b::a.b.c.d) are unpacked and the IPv4 address
 * inside is judged instead; the deprecated IPv4-compatible (::/96), 6to4 (2002::/16) and Teredo (2001::/32) forms
 * are refused outright, since no receiver needs them.
 */
final class PublicAddresses {

    private static final List<Block> IPV4_NOT_PUBLIC = blocks(
            "0.0.0.0/8",          // "this" network
            "10.0.0.0/8",         // private
            "100.64.0.0/10",      // carrier-grade NAT, shared address space
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link-local, cloud metadata endpoints (169.254.169.254)
            "172.16.0.0/12",      // private
            "192.0.0.0/24",       // IETF protocol assignments (DS-Lite, NAT64 discovery, ...)
            "192.0.2.0/24",       // documentation, TEST-NET-1
            "192.31.196.0/24",    // AS112-v4
            "192.52.193.0/24",    // AMT
            "192.88.99.0/24",     // 6to4 relay anycast, deprecated
            "192.168.0.0/16",     // private
            "192.175.48.0/24",    // direct delegation AS112
            "198.18.0.0/15",      // benchmarking
            "198.51.100.0/24",    // documentation, TEST-NET-2
            "203.0.113.0/24",     // documentation, TEST-NET-3
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4");       // reserved, including the limited broadcast 255.255.255.255

    private static final Block IPV6_GLOBAL_UNICAST = block("2000::/3");

    private static final List<Block> IPV6_GLOBAL_BUT_NOT_PUBLIC = blocks(
            "2001::/23",          // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID, ...
            "2001:db8::/32",      // documentation
            "2002::/16",          // 6to4: would reach whatever IPv4 address is inside
            "3fff::/20");         // documentation

    /** Built by hand: Java turns an IPv4-mapped literal into an IPv4 address, and so would DNS answers. */
    private static final Block IPV4_MAPPED = new Block(
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
    private static final Block NAT64_WELL_KNOWN = block("64:ff9b::/96");

    private PublicAddresses() {
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return IPV4_NOT_PUBLIC.stream().noneMatch(b -> b.contains(bytes));
        }
        if (IPV4_MAPPED.contains(bytes) || NAT64_WELL_KNOWN.contains(bytes)) {
            return isPublic(embeddedIpv4(bytes));
        }
        return IPV6_GLOBAL_UNICAST.contains(bytes) && IPV6_GLOBAL_BUT_NOT_PUBLIC.stream().noneMatch(b -> b.contains(bytes));
    }

    private static InetAddress embeddedIpv4(byte[] ipv6) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(ipv6, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes always make an IPv4 address", e);
        }
    }

    private static List<Block> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(PublicAddresses::block).toList();
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            // Literals only, so this never asks DNS.
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    /** An address block in CIDR form; it contains only addresses of its own family and length. */
    private record Block(byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
