package org.scholarly.citation.resolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text between opening and closing marks (「title」, “title”, &lt;title&gt;), found in one pass.
 *
 * <p>The obvious pattern, {@code <([^>]{2,})>}, is quadratic: when a closing mark is missing, every opening mark
 * sends the regex engine to the end of the string, so 20,000 {@code <} cost a second and a 900,000-character record
 * half an hour. Here each kind of closing mark is searched for with {@code indexOf} only past the last one found:
 * the next closing mark stays the answer for every opening mark before it, and once none is left no later opening
 * mark of that kind can close either. Every character is therefore read a bounded number of times.
 *
 * <p>The spans are those {@code Matcher.find} returns for the alternation {@code o1([^c1]{m1,})c1|o2([^c2]{m2,})c2|...}:
 * left to right, not overlapping, each opening mark closed by the first closing mark of its kind after it, with at
 * least {@code m} code points between them.
 */
final class DelimitedSpans {

    /** An opening and closing mark and the fewest code points a span between them must have. */
    record Marks(char open, char close, int minCodePoints) {
    }

    private static final int UNKNOWN = -2;
    private static final int NONE_LEFT = -1;

    private DelimitedSpans() {
    }

    /** At most {@code limit} spans, in the order they appear. */
    static List<String> find(String text, List<Marks> kinds, int limit) {
        List<String> spans = new ArrayList<>();
        int[] nextClose = new int[kinds.size()];
        Arrays.fill(nextClose, UNKNOWN);
        int i = 0;
        while (i < text.length() && spans.size() < limit) {
            int kind = kindOpenedBy(text.charAt(i), kinds);
            if (kind < 0) {
                i++;
                continue;
            }
            Marks marks = kinds.get(kind);
            if (nextClose[kind] != NONE_LEFT && nextClose[kind] <= i) {
                int found = text.indexOf(marks.close(), i + 1);
                nextClose[kind] = found < 0 ? NONE_LEFT : found;
            }
            int close = nextClose[kind];
            if (close == NONE_LEFT || !atLeastCodePoints(text, i + 1, close, marks.minCodePoints())) {
                i++;
                continue;
            }
            spans.add(text.substring(i + 1, close));
            i = close + 1;
        }
        return spans;
    }

    private static int kindOpenedBy(char c, List<Marks> kinds) {
        for (int k = 0; k < kinds.size(); k++) {
            if (kinds.get(k).open() == c) {
                return k;
            }
        }
        return -1;
    }

    /** Counts code points (as the regex's {@code {m,}} does) only when the span is short enough to be in doubt. */
    private static boolean atLeastCodePoints(String text, int from, int to, int min) {
        int chars = to - from;
        if (chars >= 2 * min) {
            return true;
        }
        return chars >= min && text.codePointCount(from, to) >= min;
    }
}
