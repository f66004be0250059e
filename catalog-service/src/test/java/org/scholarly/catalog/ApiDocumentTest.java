package org.scholarly.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.scholarly.testsupport.ApiDocumentContract;

@QuarkusTest
class ApiDocumentTest extends ApiDocumentContract {
}
