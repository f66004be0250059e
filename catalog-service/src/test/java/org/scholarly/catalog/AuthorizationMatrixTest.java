package org.scholarly.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scholarly.testsupport.AuthorizationMatrix;

import java.util.stream.Stream;

/** Every operation in the OpenAPI document: 401 without a token, 403 with the wrong role, through with the right one. */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestFactory
    Stream<DynamicTest> everyOperationIsGuardedByItsRoles() {
        return AuthorizationMatrix.fromOpenApi();
    }
}
