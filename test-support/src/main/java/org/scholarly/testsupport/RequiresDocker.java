package org.scholarly.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test (or test class) that needs a Docker engine. Without one it is skipped, and the skip is printed with its
 * reason: a build on a machine without Docker stays green and still says which tests it did not run.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (DockerEngine.answers()) {
                return ConditionEvaluationResult.enabled(DockerEngine.reason());
            }
            String skipped = "SKIPPED (needs Docker) " + context.getRequiredTestClass().getSimpleName()
                    + context.getTestMethod().map(m -> "." + m.getName()).orElse("") + ": " + DockerEngine.reason();
            // Surefire counts skipped tests but does not print why; this line does.
            System.out.println("[test infrastructure] " + skipped);
            return ConditionEvaluationResult.disabled(skipped);
        }
    }
}
