package org.scholarly.catalog.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.contract.CloudEvent;
import org.scholarly.support.outbox.Outbox;
import org.scholarly.support.problem.Problem.FieldError;
import org.scholarly.support.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Applies {@link ArticleLimits} to what a write is about to store and publish. Each check returns the problem to
 * answer, naming the limit, its setting and the value found, so that the single POST can answer with it and a bulk
 * job can record it as that record's error; nothing has been written when it is returned.
 */
@ApplicationScoped
public class ArticleLimitChecks {

    /** Enough offending references to find them; a list of 70,000 would drown the answer. */
    private static final int REPORTED_REFERENCES = 10;

    @Inject
    ArticleLimits limits;

    /** 422 when the list has too many references, or one of them too much text. */
    public Optional<ProblemException> references(List<ReferenceEntry> references) {
        if (references.size() > limits.maxReferences()) {
            return Optional.of(new ProblemException(422, "Too many references",
                    "The article has " + references.size() + " references; at most " + limits.maxReferences()
                            + " are accepted (catalog.limits.max-references)",
                    List.of(new FieldError("references", "has " + references.size() + " entries; at most " + limits.maxReferences())),
                    null));
        }
        List<FieldError> errors = new ArrayList<>();
        int tooLong = 0;
        String first = null;
        for (int i = 0; i < references.size(); i++) {
            int chars = characters(references.get(i));
            if (chars > limits.maxReferenceChars()) {
                tooLong++;
                if (first == null) {
                    first = "references[" + i + "] has " + chars;
                }
                if (errors.size() < REPORTED_REFERENCES) {
                    errors.add(new FieldError("references[" + i + "]", "has " + chars + " characters; at most " + limits.maxReferenceChars()));
                }
            }
        }
        if (tooLong == 0) {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(422, "Reference too long",
                tooLong + " reference(s) have more than " + limits.maxReferenceChars()
                        + " characters (catalog.limits.max-reference-chars); " + first,
                errors, null));
    }

    /** 413 when the event this write would append to the outbox is larger than Kafka should be asked to take. */
    public Optional<ProblemException> event(CloudEvent event) {
        int bytes = Outbox.serializedBytes(event);
        if (bytes <= limits.maxEventBytes()) {
            return Optional.empty();
        }
        return Optional.of(ProblemException.tooLarge("The article's " + event.type() + " event would be " + bytes
                + " bytes; at most " + limits.maxEventBytes() + " are accepted (catalog.limits.max-event-bytes), "
                + "since every change is published with the full article"));
    }

    /** Code points, so that a Hangul syllable or an emoji counts as one character, as a reader would count it. */
    static int characters(ReferenceEntry r) {
        Stream<String> authors = r.authors() == null ? Stream.empty() : r.authors().stream();
        return Stream.concat(Stream.of(r.raw(), r.title(), r.container(), r.volume(), r.issue(), r.firstPage(), r.lastPage(), r.doi()), authors)
                .filter(text -> text != null)
                .mapToInt(text -> text.codePointCount(0, text.length()))
                .sum();
    }
}
