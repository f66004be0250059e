package org.scholarly.support.body;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** A cap on request bodies that answers problem+json, for services whose bodies are small JSON documents. */
@ConfigMapping(prefix = "scholarly.body-limit")
public interface BodyLimitConfig {

    /**
     * Largest accepted request body (for example {@code 64K}); above it 413. Unset: no cap here beyond
     * {@code quarkus.http.limits.max-body-size}, for services that take large uploads and limit them in code.
     */
    Optional<MemorySize> maxBytes();
}
