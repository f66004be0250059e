package org.scholarly.support.logging;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One log line for a batch of changes: each change is logged once, and a bulk batch of hundreds names its first
 * few and how many more, instead of a line per record that would drown everything else in the log.
 */
public final class LogSummaries {

    public static final int NAMED = 10;

    private LogSummaries() {
    }

    /** "a, b, c" or "a, b, … j and 490 more". */
    public static String firstFew(List<String> items) {
        String named = items.stream().limit(NAMED).collect(Collectors.joining(", "));
        return items.size() > NAMED ? named + " and " + (items.size() - NAMED) + " more" : named;
    }
}
