package org.scholarly.catalog;

import org.junit.jupiter.api.Test;
import org.scholarly.stack.JwtIssuer;
import org.scholarly.testsupport.ProductionJwtSettings;

/** What the shipped configuration trusts when a deployment sets nothing (the other tests set issuer and key). */
class ProductionJwtSettingsTest {

    @Test
    void trustsNoIssuerUntilTheDeploymentNamesOne() {
        ProductionJwtSettings.assertNoIssuerIsTrustedByDefault();
    }

    @Test
    void acceptsOnlyTokensIssuedForThisService() {
        ProductionJwtSettings.assertOwnAudienceIsRequired(JwtIssuer.CATALOG_AUDIENCE);
    }
}
