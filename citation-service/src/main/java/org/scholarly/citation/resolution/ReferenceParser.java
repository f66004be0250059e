package org.scholarly.citation.resolution;

import org.scholarly.support.text.Hangul;
import org.scholarly.support.text.Dois;
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

    /**
     * The catalog refuses a reference longer than 2,000 characters where it enters, but references stored before that
     * limit, or delivered by another producer, may be longer (one record carried 900,000 characters). No citation
     * style puts its evidence (title, year, volume, pages, DOI) that far in, so the parser reads each text field
     * only up to here: twice the entry limit, so that NFKC folding or a generous producer never cuts a real
     * reference short, and a record of any length costs the same bounded time under the citation graph's lock.
     */
    static final int MAX_PARSED_LENGTH = 4_000;
    /**
     * Ordinary references name one to three years and one or two page ranges (the labelled set at most 3 and 2);
     * more are noise, and the years and first pages are multiplied into the (year, first page) search keys.
     */
    static final int MAX_YEARS = 8;
    static final int MAX_PAGE_RANGES = 8;
    /** Title pieces kept per reference (the labelled set has at most 6); each is scored against every candidate. */
    static final int MAX_TITLE_KEYS = 32;
    /**
     * First-page candidates kept per reference for the (volume, first page) look-up: the page ranges' first pages,
     * then every standalone number or article number. A title-less reference has three to five numbers.
     */
    static final int MAX_PAGE_KEYS = 16;
    /** Pieces of a raw string kept in order for joining adjacent ones into title keys. */
    static final int MAX_PIECES = 24;
    /** Article numbers ("123456", "e0123456", "CD001234") have at most this many digits. */
    private static final int MAX_ARTICLE_NUMBER_DIGITS = 8;

    /*
     * Every pattern below runs on reference strings under the graph lock and must stay linear in the input: no
     * repetition that may rescan from every start position. Quoted titles are therefore found by DelimitedSpans
     * rather than by "<([^>]{2,})>" and its siblings. The remaining patterns are linear: each alternative begins
     * with one fixed character, and the only unbounded repetition that can fail afterwards is a page range's
     * "\s*", which reads just the whitespace after one digit run or one dash.
     */
    private static final List<DelimitedSpans.Marks> QUOTES = List.of(
            new DelimitedSpans.Marks('「', '」', 2), new DelimitedSpans.Marks('“', '”', 2),
            new DelimitedSpans.Marks('"', '"', 2), new DelimitedSpans.Marks('‘', '’', 4),
            new DelimitedSpans.Marks('〈', '〉', 2), new DelimitedSpans.Marks('《', '》', 2),
            new DelimitedSpans.Marks('<', '>', 2),
            // « title » may pad with spaces; keys ignore them, so the padding needs no rule of its own.
            new DelimitedSpans.Marks('«', '»', 2));
    private static final List<DelimitedSpans.Marks> CONTAINER_QUOTES = List.of(new DelimitedSpans.Marks('『', '』', 2));
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
        String titleKey = TextKeys.key(leading(title));
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
        String authorText = authors == null ? "" : fold(leading(String.join("; ", authors)));
        Set<String> pageKeys = new LinkedHashSet<>();
        String pageKey = pageKey(TextKeys.number(leading(firstPage)));
        if (pageKey != null) {
            pageKeys.add(pageKey);
        }
        return new ParsedReference(true, Dois.find(leading(doi)), titleKeys, !titleKeys.isEmpty(), "", authorText,
                TextKeys.key(authorText),
                TextKeys.key(leading(container)), years, ranges, numbers, pageKeys, JournalWords.words(leading(container)), List.of());
    }

    public static ParsedReference raw(String raw) {
        // Folding may lengthen the text (NFKC spells some ligatures and squared words out), so it is cut again.
        String text = leading(Normalizer.normalize(leading(raw), Normalizer.Form.NFKC));
        Set<String> titleKeys = new LinkedHashSet<>();
        for (String quoted : DelimitedSpans.find(text, QUOTES, MAX_TITLE_KEYS)) {
            addKey(titleKeys, quoted);
        }
        boolean hasQuoted = !titleKeys.isEmpty();
        String containerKey = "";
        List<String> containers = DelimitedSpans.find(text, CONTAINER_QUOTES, 1);
        if (!containers.isEmpty()) {
            containerKey = TextKeys.key(containers.get(0));
            if (!hasQuoted) {
                // A book cited on its own is written 『title』, so it may be the title as well.
                titleKeys.add(containerKey);
            }
        }
        List<String> segments = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (String segment : SEGMENT_BREAK.split(text)) {
            segments.add(segment);
            String piece = TextKeys.key(segment);
            if (!piece.isEmpty() && pieces.size() < MAX_PIECES) {
                pieces.add(piece);
            }
        }
        segments.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(s -> addKey(titleKeys, s));
        List<String> keptTitleKeys = titleKeys.stream().limit(MAX_TITLE_KEYS).toList();

        List<ParsedReference.PageRange> ranges = new ArrayList<>();
        StringBuilder withoutRanges = new StringBuilder();
        Matcher range = PAGE_RANGE.matcher(text);
        int last = 0;
        while (ranges.size() < MAX_PAGE_RANGES && range.find()) {
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
        while (years.size() < MAX_YEARS && year.find()) {
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
        List<JournalWords.Word> words = JournalWords.words(text);
        Set<String> pageKeys = new LinkedHashSet<>();
        ranges.forEach(r -> pageKeys.add(Integer.toString(r.first())));
        for (JournalWords.Word word : words) {
            if (pageKeys.size() >= MAX_PAGE_KEYS) {
                break;
            }
            String key = pageKey(word.text());
            if (key != null) {
                pageKeys.add(key);
            }
        }
        String authorText = fold(text);
        return new ParsedReference(false, Dois.find(text), keptTitleKeys, hasQuoted, TextKeys.key(text),
                authorText, TextKeys.key(authorText), containerKey, years, ranges, numbers, pageKeys, words, pieces);
    }

    /**
     * A word as the catalog stores a first page, or null if it cannot be one: digits ("275", "045112" as "45112"), or
     * one or two letters before digits, as in supplement pages and article numbers ("S184", "e0123456", "L12").
     */
    static String pageKey(String word) {
        if (word == null || word.isEmpty()) {
            return null;
        }
        int letters = 0;
        while (letters < word.length() && Character.isLetter(word.charAt(letters))) {
            letters++;
        }
        int digits = word.length() - letters;
        if (letters > 2 || digits == 0 || digits > MAX_ARTICLE_NUMBER_DIGITS || (letters > 0 && digits < 2)) {
            return null;
        }
        for (int i = letters; i < word.length(); i++) {
            if (word.charAt(i) < '0' || word.charAt(i) > '9') {
                return null;
            }
        }
        return letters == 0 ? TextKeys.number(word) : word.toLowerCase(Locale.ROOT);
    }

    /** The first {@link #MAX_PARSED_LENGTH} characters, never splitting a surrogate pair. */
    static String leading(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_PARSED_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_PARSED_LENGTH - 1)) ? MAX_PARSED_LENGTH - 1 : MAX_PARSED_LENGTH;
        return text.substring(0, end);
    }

    private static void addKey(Set<String> keys, String text) {
        String key = TextKeys.key(text);
        boolean hangul = Hangul.contains(key);
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
