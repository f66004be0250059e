package org.scholarly.notification.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetPolicyTest {

    private static final String NOT_PUBLIC = "resolves to an address that is not public";

    private final TargetPolicy strict = new TargetPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook", "https://172.16.0.1/hook",
            "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook"})
    void refusesLoopbackPrivateAndLinkLocalTargets(String target) {
        assertThatThrownBy(() -> strict.requireAllowed(target))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining(NOT_PUBLIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0.1.2.3",           // "this" network, 0.0.0.0/8
            "100.127.255.254",   // carrier-grade NAT, 100.64.0.0/10
            "127.8.8.8",         // loopback, 127.0.0.0/8
            "169.254.169.254",   // link-local and cloud metadata
            "172.31.255.255",    // private, 172.16.0.0/12
            "192.0.0.8",         // IETF protocol assignments, 192.0.0.0/24
            "192.0.0.170",       // NAT64 discovery inside 192.0.0.0/24
            "192.0.2.1",         // TEST-NET-1
            "192.88.99.1",       // 6to4 relay anycast
            "198.18.0.1",        // benchmarking, 198.18.0.0/15
            "198.19.255.255",
            "198.51.100.7",      // TEST-NET-2
            "203.0.113.9",       // TEST-NET-3
            "224.0.0.1",         // multicast, 224.0.0.0/4
            "239.255.255.250",
            "240.0.0.1",         // reserved, 240.0.0.0/4
            "255.255.255.255"})  // limited broadcast
    void refusesEveryIpv4SpecialPurposeRange(String address) {
        assertThat(PublicAddresses.isPublic(literal(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "::",                        // unspecified
            "::1",                       // loopback
            "::7f00:1",                  // IPv4-compatible ::127.0.0.1, ::/96
            "::808:808",                 // IPv4-compatible even with a public IPv4 inside: deprecated, refused
            "64:ff9b:1::a00:1",          // local-use NAT64, 64:ff9b:1::/48
            "100::1",                    // discard-only, 100::/64
            "2001::1",                   // Teredo, 2001::/32
            "2001:2::1",                 // benchmarking, inside 2001::/23
            "2001:db8::1",               // documentation
            "2002:7f00:1::1",            // 6to4 of 127.0.0.1, 2002::/16
            "2002:808:808::1",           // 6to4 of a public address: refused outright
            "3fff::1",                   // documentation, 3fff::/20
            "5f00::1",                   // SRv6 SIDs
            "fc00::1", "fdff:ffff::1",   // unique local, fc00::/7
            "fe80::1", "febf::1",        // link-local, fe80::/10
            "fec0::1",                   // site-local, deprecated
            "ff02::1", "ff0e::1"})       // multicast, ff00::/8
    void refusesEveryIpv6SpecialPurposeRange(String address) {
        assertThat(PublicAddresses.isPublic(literal(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "64:ff9b::7f00:1",    // NAT64 of 127.0.0.1
            "64:ff9b::a00:1",     // NAT64 of 10.0.0.1
            "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
            "64:ff9b::c000:8"})   // NAT64 of 192.0.0.8
    void judgesTheIpv4AddressInsideANat64Address(String address) {
        assertThat(PublicAddresses.isPublic(literal(address))).as(address).isFalse();
        assertThat(PublicAddresses.isPublic(literal("64:ff9b::5db8:d822"))).as("NAT64 of 93.184.216.34").isTrue();
    }

    @Test
    void judgesTheIpv4AddressInsideAnIpv4MappedAddress() throws UnknownHostException {
        // Built from bytes: Java would turn the literal into an IPv4 address before we see it.
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        byte[] mappedPublic = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 93, (byte) 184, (byte) 216, 34};
        assertThat(PublicAddresses.isPublic(java.net.Inet6Address.getByAddress(null, mappedLoopback, -1))).isFalse();
        assertThat(PublicAddresses.isPublic(java.net.Inet6Address.getByAddress(null, mappedPublic, -1))).isTrue();
        assertThatThrownBy(() -> strict.requireAllowed("https://[::ffff:169.254.169.254]/latest"))
                .hasMessageContaining(NOT_PUBLIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "198.20.0.1",
            "223.255.255.254", "2606:2800:220:1:248:1893:25c8:1946", "2a00:1450:4001:80b::200e", "2001:4860:4860::8888"})
    void acceptsPublicAddresses(String address) {
        assertThat(PublicAddresses.isPublic(literal(address))).as(address).isTrue();
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsNotPublic() {
        TargetPolicy policy = new TargetPolicy(false, host -> new InetAddress[] {literal("93.184.216.34"), literal("10.0.0.7")});
        assertThatThrownBy(() -> policy.requireAllowed("https://hooks.example.com/hook")).hasMessageContaining(NOT_PUBLIC);
    }

    @Test
    void refusalsDoNotNameTheAddressTheHostResolvedTo() {
        TargetPolicy policy = new TargetPolicy(false, host -> new InetAddress[] {literal("10.20.30.40")});
        assertThatThrownBy(() -> policy.requireAllowed("https://internal.example.com/hook"))
                .isInstanceOf(RefusedTargetException.class)
                .message().doesNotContain("10.20.30.40");
    }

    @Test
    void handsOverTheAddressItCheckedWithoutTheHostName() {
        TargetPolicy policy = new TargetPolicy(false, host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})});
        CheckedTarget checked = policy.requireAllowed("https://hooks.example.com:8443/in?x=1");
        assertThat(checked.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(checked.address().toString()).as("nothing left that a connector could resolve again")
                .isEqualTo("/93.184.216.34");
        assertThat(checked.host()).isEqualTo("hooks.example.com");
        assertThat(checked.port()).isEqualTo(8443);
        assertThat(checked.pathAndQuery()).isEqualTo("/in?x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "ftp://93.184.216.34/hook", "93.184.216.34/hook"})
    void requiresHttps(String target) {
        assertThatThrownBy(() -> strict.requireAllowed(target)).hasMessageContaining("https");
    }

    @Test
    void refusesCredentialsInTheUrlAndHostsThatDoNotResolve() {
        assertThatThrownBy(() -> strict.requireAllowed("https://user:pw@93.184.216.34/hook")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> strict.requireAllowed("https://no-such-host.invalid/hook"))
                .isInstanceOf(UnresolvableTargetException.class).hasMessageContaining("does not resolve");
    }

    @Test
    void acceptsAPublicHttpsAddress() {
        assertThat(strict.requireAllowed("https://93.184.216.34/hooks/scholarly").uri().getPath()).isEqualTo("/hooks/scholarly");
    }

    @Test
    void allowsLoopbackAndHttpOnlyWhenConfiguredTo() {
        TargetPolicy relaxed = new TargetPolicy(true);
        assertThat(relaxed.requireAllowed("http://127.0.0.1:8080/hook").port()).isEqualTo(8080);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
