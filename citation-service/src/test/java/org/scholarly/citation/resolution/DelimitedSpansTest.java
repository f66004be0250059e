package org.scholarly.citation.resolution;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DelimitedSpansTest {

    private static final List<DelimitedSpans.Marks> MARKS = List.of(
            new DelimitedSpans.Marks('「', '」', 2), new DelimitedSpans.Marks('"', '"', 2),
            new DelimitedSpans.Marks('‘', '’', 4), new DelimitedSpans.Marks('<', '>', 2));
    /** The pattern the scanner replaces, quadratic without closing marks but a fine oracle on short strings. */
    private static final Pattern REGEX = Pattern.compile("「([^」]{2,})」|\"([^\"]{2,})\"|‘([^’]{4,})’|<([^>]{2,})>");

    @Test
    void findsTheSpansTheRegexItReplacesFinds() {
        Random random = new Random(42);
        String alphabet = "「」\"‘’<>ab 가\uD840\uDC00";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(DelimitedSpans.find(text.toString(), MARKS, Integer.MAX_VALUE)).as(text.toString())
                    .isEqualTo(byRegex(text.toString()));
        }
    }

    @Test
    void takesTheFirstClosingMarkOfTheSameKindAndSkipsSpansTooShort() {
        assertThat(DelimitedSpans.find("「a」 「중소관계」 <x<title> ‘abc’ ‘abcd’", MARKS, 10))
                .containsExactly("중소관계", "x<title", "abcd");
        assertThat(DelimitedSpans.find("「one」「two」「three」", MARKS, 2)).containsExactly("one", "two");
    }

    @Test
    void findsNoSpanInNineHundredThousandUnclosedMarksInWellUnderASecond() {
        String text = "<「\"‘".repeat(225_000);

        List<String> spans = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> DelimitedSpans.find(text, List.of(MARKS.get(0), MARKS.get(2), MARKS.get(3)), Integer.MAX_VALUE));

        assertThat(spans).isEmpty();
    }

    private static List<String> byRegex(String text) {
        List<String> spans = new ArrayList<>();
        Matcher matcher = REGEX.matcher(text);
        while (matcher.find()) {
            for (int g = 1; g <= matcher.groupCount(); g++) {
                if (matcher.group(g) != null) {
                    spans.add(matcher.group(g));
                }
            }
        }
        return spans;
    }
}
