package org.scholarly.catalog.ingest;

/**
 * Turns the JATS or HTML markup Crossref puts in abstracts into plain text. A hand-written scan instead of a pattern
 * such as {@code <[^>]+>}: that one reads to the end of the text from every {@code <} that is never closed, so an
 * abstract of a few thousand such marks would take seconds, and a bulk job's worker with it.
 */
final class Markup {

    private Markup() {
    }

    /** Every {@code <…>} tag becomes a space, runs of whitespace one space; an unclosed {@code <} stays as text. */
    static String plainText(String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        int i = 0;
        while (i < marked.length()) {
            char c = marked.charAt(i);
            if (c == '<') {
                int close = marked.indexOf('>', i + 1);
                if (close < 0) {
                    // No tag can close after this point: the rest is text, and is never scanned for '>' again.
                    appendCollapsed(text, marked, i, marked.length());
                    break;
                }
                if (close > i + 1) {
                    appendSpace(text);
                    i = close + 1;
                    continue;
                }
            }
            appendCollapsed(text, marked, i, i + 1);
            i++;
        }
        return text.toString().strip();
    }

    private static void appendCollapsed(StringBuilder text, String source, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                appendSpace(text);
            } else {
                text.append(c);
            }
        }
    }

    private static void appendSpace(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
        }
    }
}
