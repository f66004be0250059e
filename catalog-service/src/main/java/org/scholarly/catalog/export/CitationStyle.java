package org.scholarly.catalog.export;

import org.scholarly.support.problem.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The citation styles offered, by their identifiers in the official CSL style repository (org.citationstyles:styles).
 * A fixed list rather than every style of the repository: each one is covered by a test of the seed article.
 */
public enum CitationStyle {
    APA("apa"),
    CHICAGO_AUTHOR_DATE("chicago-author-date"),
    MODERN_LANGUAGE_ASSOCIATION("modern-language-association"),
    IEEE("ieee"),
    VANCOUVER("vancouver"),
    HARVARD_CITE_THEM_RIGHT("harvard-cite-them-right");

    public static final CitationStyle DEFAULT = APA;

    private final String id;

    CitationStyle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CitationStyle parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        for (CitationStyle style : values()) {
            if (style.id.equalsIgnoreCase(value.strip())) {
                return style;
            }
        }
        throw ProblemException.invalidField("style", "must be one of " + known());
    }

    static String known() {
        return Arrays.stream(values()).map(CitationStyle::id).collect(Collectors.joining(", "));
    }
}
