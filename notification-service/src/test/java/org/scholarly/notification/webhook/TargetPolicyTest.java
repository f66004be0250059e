package org.scholarly.notification.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook", "https://172.16.0.1/hook",
            "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook"})
    void refusesLoopbackPrivateAndLinkLocalTargets(String target) {
        assertThatThrownBy(() -> strict.requireAllowed(target))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("loopback, private or link-local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "ftp://93.184.216.34/hook", "93.184.216.34/hook"})
    void requiresHttps(String target) {
        assertThatThrownBy(() -> strict.requireAllowed(target)).hasMessageContaining("https");
    }

    @Test
    void refusesCredentialsInTheUrlAndHostsThatDoNotResolve() {
        assertThatThrownBy(() -> strict.requireAllowed("https://user:pw@93.184.216.34/hook")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> strict.requireAllowed("https://no-such-host.invalid/hook")).hasMessageContaining("does not resolve");
    }

    @Test
    void acceptsAPublicHttpsAddress() {
        assertThat(strict.requireAllowed("https://93.184.216.34/hooks/scholarly").getPath()).isEqualTo("/hooks/scholarly");
    }

    @Test
    void allowsLoopbackAndHttpOnlyWhenConfiguredTo() {
        TargetPolicy relaxed = new TargetPolicy(true);
        assertThat(relaxed.requireAllowed("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
    }
}
