package org.scholarly.catalog.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much one article may carry, checked where it enters (single POST, bulk records, PUT references). Every
 * change of an article is published as an event with its full snapshot, so what an article may hold is bounded
 * by what Kafka accepts in one record (the producer's max.request.size, 1 MB by default): an event the broker
 * refuses can never be delivered.
 */
@ConfigMapping(prefix = "catalog.limits")
public interface ArticleLimits {

    /** References in one article's list. KCI articles rarely have more than a few hundred. */
    @WithDefault("1000")
    int maxReferences();

    /** Characters in one reference, all its text fields (raw string, title, authors, container, …) together. */
    @WithDefault("2000")
    int maxReferenceChars();

    /**
     * Bytes of the serialized event a write produces; half the producer's default max.request.size, leaving room
     * for the record's key, headers and framing and for snapshots that grow with later workflow changes.
     */
    @WithDefault("524288")
    int maxEventBytes();
}
