package org.scholarly.catalog.export;

import jakarta.ws.rs.core.MediaType;
import org.scholarly.support.problem.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A representation with the style and locale it is made in. Style and locale come from the query
 * ({@code ?style=apa&locale=ko-KR}) or, as Crossref takes them, from parameters of the accepted media type
 * ({@code Accept: text/x-bibliography; style=apa; locale=ko-KR}); the query wins when both are given.
 */
public record CitationRequest(Representation representation, CitationStyle style, CitationLocale locale) {

    /**
     * The first media type of Accept (in the client's order of preference) that one of {@code offered} matches; a
     * wildcard takes the first offered. Nothing matching is a 406 that lists what is offered.
     */
    public static CitationRequest negotiate(List<MediaType> accepted, List<Representation> offered, String style, String locale) {
        for (MediaType asked : accepted) {
            for (Representation candidate : offered) {
                if (asked.isCompatible(candidate.mediaType())) {
                    Map<String, String> parameters = asked.isWildcardType() || asked.isWildcardSubtype() ? Map.of() : asked.getParameters();
                    return new CitationRequest(candidate, CitationStyle.parse(style != null ? style : parameters.get("style")),
                            CitationLocale.parse(locale != null ? locale : parameters.get("locale")));
                }
            }
        }
        throw ProblemException.notAcceptable("Accept asks for " + accepted.stream().map(MediaType::toString)
                .collect(Collectors.joining(", ")) + "; this resource is offered as " + offered.stream()
                .map(r -> r.mediaType().toString()).collect(Collectors.joining(", ")));
    }

    /** The representation named by a {@code format} query value, which takes the place of Accept. */
    public static CitationRequest named(String format, List<Representation> offered, String style, String locale) {
        for (Representation candidate : offered) {
            if (candidate.formatName().equalsIgnoreCase(format.strip())) {
                return new CitationRequest(candidate, CitationStyle.parse(style), CitationLocale.parse(locale));
            }
        }
        throw ProblemException.invalidField("format", "must be one of "
                + offered.stream().map(Representation::formatName).collect(Collectors.joining(", ")));
    }
}
