package org.scholarly.catalog.export;

import org.scholarly.support.problem.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The locales offered: the CSL locale a formatted citation is rendered with, and the language whose form of titles,
 * names and journal titles every export prefers (a Korean record cited in Korean names 안치영 and 중앙사론).
 */
public enum CitationLocale {
    EN_US("en-US", "en", "ko"),
    KO_KR("ko-KR", "ko", "en");

    public static final CitationLocale DEFAULT = EN_US;

    private final String tag;
    private final List<String> languages;

    CitationLocale(String tag, String... languages) {
        this.tag = tag;
        this.languages = List.of(languages);
    }

    public String tag() {
        return tag;
    }

    /** Language keys of the native record (titles, names, ...) in the order this locale prefers them. */
    public List<String> languages() {
        return languages;
    }

    public static CitationLocale parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        for (CitationLocale locale : values()) {
            if (locale.tag.equalsIgnoreCase(value.strip())) {
                return locale;
            }
        }
        throw ProblemException.invalidField("locale", "must be one of " + known());
    }

    static String known() {
        return Arrays.stream(values()).map(CitationLocale::tag).collect(Collectors.joining(", "));
    }
}
