package org.scholarly.testsupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Extended by one {@code @QuarkusTest} per service: the document describes every operation fully
 * ({@link ApiDocument}), and every listing answers a malformed limit with a 400.
 */
public abstract class ApiDocumentContract {

    @TestFactory
    Stream<DynamicTest> everyOperationDeclaresBodiesResponsesProblemsAndSecurity() {
        return ApiDocument.everyOperationIsDescribed();
    }

    @TestFactory
    Stream<DynamicTest> aLimitThatIsNotANumberIsABadRequest() {
        return ApiDocument.everyLimitMustBeANumber();
    }
}
