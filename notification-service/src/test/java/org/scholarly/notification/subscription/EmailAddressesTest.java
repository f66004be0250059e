package org.scholarly.notification.subscription;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EmailAddressesTest {

    private static final Pattern PREVIOUS_RULE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Test
    void acceptsOrdinaryAddressesAndRefusesMalformedOnes() {
        assertThat(EmailAddresses.isPlausible("editor@joongang.ac.kr")).isTrue();
        assertThat(EmailAddresses.isPlausible("안치영@inu.ac.kr")).isTrue();
        assertThat(EmailAddresses.isPlausible("@inu.ac.kr")).isFalse();
        assertThat(EmailAddresses.isPlausible("editor@inu")).isFalse();
        assertThat(EmailAddresses.isPlausible("editor@.kr")).isFalse();
        assertThat(EmailAddresses.isPlausible("editor@inu.")).isFalse();
        assertThat(EmailAddresses.isPlausible("a@b@c.kr")).isFalse();
        assertThat(EmailAddresses.isPlausible("ed itor@inu.ac.kr")).isFalse();
    }

    @Test
    void agreesWithThePatternItReplacesOnRandomAddresses() {
        Random random = new Random(11);
        String alphabet = "a.@ \t가.b";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder address = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                address.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(EmailAddresses.isPlausible(address.toString())).as("for '%s'", address)
                    .isEqualTo(PREVIOUS_RULE.matcher(address).matches());
        }
    }

    @Test
    void takesLinearTimeOnCraftedAddresses() {
        // The previous pattern spent about a second of CPU on a@ + 8,000 dots + @; the bound is generous on purpose.
        String crafted = "a@" + ".".repeat(500_000) + "@";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> EmailAddresses.isPlausible(crafted))).isFalse();
    }
}
