package org.scholarly.citation.resolution;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the evidence out of a reference: from its structured fields, or from its raw string in any of the usual
 * styles (APA, Chicago, Vancouver, KCI's 「title」, 『journal』 42, 2015, 481-512쪽). Parsing is deliberately
 * loose; the resolver validates every candidate against several fields, so a wrong guess here costs recall, not
 * precision.
 */
public final class ReferenceParser {

    private static final Pattern QUOTED = Pattern.compile(
            "「([^」]{2,})」|“([^”]{2,})”|\"([^\"]{2,})\"|‘([^’]{4,})’|〈([^〉]{2,})〉|《([^》]{2,})》|<([^>]{2,})>|« ?([^»]{2,}) ?»");
    private static final Pattern CONTAINER_QUOTED = Pattern.compile("『([^』]{2,})』");
    private static final Pattern SEGMENT_BREAK = Pattern.compile(
            "[.。?!]\\s+|[,;]\\s*|:\\s+|[「」『』“”\"‘’〈〉《》<>«»()\\[\\]（）]");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d])(1[6-9]\\d\\d|20\\d\\d)(?![\\d])");
    private static final Pattern PAGE_RANGE = Pattern.compile("(?<![\\d.])(\\d{1,5})\\s*[-–—~‐－]\\s*(\\d{1,5})(?![\\d])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d])(\\d{1,4})(?![\\d])");

    private ReferenceParser() {
    }

    public static ParsedReference structured(List<String> authors, String title, String container, Integer year,
                                             String volume, String issue, String firstPage, String lastPage, String doi) {
        List<String> titleKeys = new ArrayList<>();
        String titleKey = TextKeys.key(title);
        if (!titleKey.isEmpty()) {
            titleKeys.add(titleKey);
        }
        Set<Integer> years = year == null ? Set.of() : Set.of(year);
        List<ParsedReference.PageRange> ranges = new ArrayList<>();
        Integer first = integer(firstPage);
        if (first != null) {
            ranges.add(new ParsedReference.PageRange(first, integer(lastPage)));
        }
        Set<String> numbers = new LinkedHashSet<>();
        if (TextKeys.number(volume) != null) {
            numbers.add(TextKeys.number(volume));
        }
        if (TextKeys.number(issue) != null) {
            numbers.add(TextKeys.number(issue));
        }
        String authorText = authors == null ? "" : fold(String.join("; ", authors));
        return new ParsedReference(true, TextKeys.doi(doi), titleKeys, !titleKeys.isEmpty(), "", authorText,
                TextKeys.key(container), years, ranges, numbers);
    }

    public static ParsedReference raw(String raw) {
        String text = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
        Set<String> titleKeys = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            for (int g = 1; g <= quoted.groupCount(); g++) {
                if (quoted.group(g) != null) {
                    addKey(titleKeys, quoted.group(g));
                }
            }
        }
        boolean hasQuoted = !titleKeys.isEmpty();
        String containerKey = "";
        Matcher container = CONTAINER_QUOTED.matcher(text);
        if (container.find()) {
            containerKey = TextKeys.key(container.group(1));
            if (!hasQuoted) {
                // A book cited on its own is written 『title』, so it may be the title as well.
                titleKeys.add(containerKey);
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : SEGMENT_BREAK.split(text)) {
            segments.add(segment);
        }
        segments.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(s -> addKey(titleKeys, s));

        List<ParsedReference.PageRange> ranges = new ArrayList<>();
        StringBuilder withoutRanges = new StringBuilder();
        Matcher range = PAGE_RANGE.matcher(text);
        int last = 0;
        while (range.find()) {
            int first = Integer.parseInt(range.group(1));
            int end = expand(first, range.group(2));
            if (end >= first && !(isYear(first) && isYear(end) && end - first < 30)) {
                ranges.add(new ParsedReference.PageRange(first, end));
                withoutRanges.append(text, last, range.start()).append(' ');
                last = range.end();
            }
        }
        withoutRanges.append(text.substring(last));
        String rest = withoutRanges.toString();

        Set<Integer> years = new LinkedHashSet<>();
        Matcher year = YEAR.matcher(rest);
        while (year.find()) {
            years.add(Integer.parseInt(year.group(1)));
        }
        Set<String> numbers = new LinkedHashSet<>();
        Matcher number = NUMBER.matcher(rest);
        while (number.find()) {
            int value = Integer.parseInt(number.group(1));
            if (!years.contains(value)) {
                numbers.add(TextKeys.number(number.group(1)));
            }
        }
        return new ParsedReference(false, TextKeys.doi(text), List.copyOf(titleKeys), hasQuoted, TextKeys.key(text),
                fold(text), containerKey, years, ranges, numbers);
    }

    private static void addKey(Set<String> keys, String text) {
        String key = TextKeys.key(text);
        boolean hangul = key.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
        // Short pieces ("ed", "pp", "42집") are not titles; Hangul packs more into fewer letters.
        if (key.length() >= (hangul ? 4 : 8) && !key.chars().allMatch(Character::isDigit)) {
            keys.add(key);
        }
    }

    /** "481-92" means 481-492. */
    private static int expand(int first, String lastText) {
        int lastValue = Integer.parseInt(lastText);
        String firstText = Integer.toString(first);
        if (lastValue < first && lastText.length() < firstText.length()) {
            return Integer.parseInt(firstText.substring(0, firstText.length() - lastText.length()) + lastText);
        }
        return lastValue;
    }

    private static boolean isYear(int value) {
        return value >= 1600 && value <= 2099;
    }

    private static Integer integer(String value) {
        String n = TextKeys.number(value);
        return n != null && n.chars().allMatch(Character::isDigit) && n.length() <= 6 ? Integer.parseInt(n) : null;
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
