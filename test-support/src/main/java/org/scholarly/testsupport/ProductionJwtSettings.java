package org.scholarly.testsupport;

import org.scholarly.stack.JwtIssuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's {@code application.properties} trusts when a deployment sets nothing: the tests override issuer
 * and key, so only the file itself shows whether production would accept the local development issuer.
 */
public final class ProductionJwtSettings {

    /** {@code ${NAME}} without a default: the service does not start until the deployment sets NAME. */
    private static final Pattern REQUIRED_EXPRESSION = Pattern.compile("\\$\\{[A-Za-z0-9_.]+}");

    private ProductionJwtSettings() {
    }

    /** The issuer has no default at all, so neither the development issuer nor any other is trusted by accident. */
    public static void assertNoIssuerIsTrustedByDefault() {
        Properties properties = applicationProperties();
        for (String key : new String[] {"mp.jwt.verify.issuer", "%prod.mp.jwt.verify.issuer"}) {
            String issuer = properties.getProperty(key);
            if (issuer != null) {
                assertThat(issuer).as(key).doesNotContain(JwtIssuer.LOCAL_ISSUER).matches(REQUIRED_EXPRESSION);
            }
        }
        assertThat(properties.getProperty("mp.jwt.verify.issuer")).as("mp.jwt.verify.issuer").isNotNull();
    }

    /** By default the service accepts only tokens issued for {@code audience}. */
    public static void assertOwnAudienceIsRequired(String audience) {
        Properties properties = applicationProperties();
        assertThat(properties.getProperty("mp.jwt.verify.audiences")).as("mp.jwt.verify.audiences").isEqualTo(audience);
        assertThat(properties.getProperty("%prod.mp.jwt.verify.audiences")).as("%prod.mp.jwt.verify.audiences").isIn(null, audience);
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream file = Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            assertThat(file).as("application.properties on the class path").isNotNull();
            properties.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
