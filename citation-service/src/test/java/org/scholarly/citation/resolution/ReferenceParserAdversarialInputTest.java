package org.scholarly.citation.resolution;

import org.scholarly.support.text.Dois;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholarly.contract.EventCodec;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * References are parsed while the citation graph is locked, so no reference string, however hostile, may make
 * parsing slow or throw. Quoted-title patterns such as {@code <([^>]{2,})>} used to read to the end of the string
 * from every opening mark: 20,000 {@code <} took about a second and a 900,000-character record about half an hour.
 *
 * <p>The time bounds are generous (the work takes well under a millisecond per reference) so that a shared, busy
 * machine does not fail them; a quadratic parser misses them by orders of magnitude. Timeouts are preemptive so that
 * a regression fails fast instead of running for hours.
 */
class ReferenceParserAdversarialInputTest {

    /** The per-reference limit at the catalog's entry: the longest string a new reference can carry. */
    static final int ENTRY_LIMIT = 2_000;
    static final Duration PER_REFERENCE_BOUND = Duration.ofMillis(50);
    static final int STRINGS_PER_FAMILY = 1_000;
    static final String OPENING_MARKS = "<“\"「『([‘〈《«";
    static final String CLOSING_MARKS = ">”\"」』)]’〉》»";
    static final String WHITESPACE = " \t\n\r\u3000\u00a0\u2009\u000b\f";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> realReferences = new ArrayList<>();

    @BeforeAll
    static void loadRealReferences() throws Exception {
        try (InputStream in = ReferenceParserAdversarialInputTest.class.getResourceAsStream("/resolution/labelled-references.json")) {
            for (JsonNode reference : EventCodec.mapper().readTree(in).get("references")) {
                if (reference.has("raw")) {
                    realReferences.add(reference.get("raw").asText());
                }
            }
        }
        // Warm the parser so that class loading and the first compilations are not taken for slowness.
        for (int i = 0; i < 200; i++) {
            parseAsTheResolverDoes(realReferences.get(i % realReferences.size()));
        }
    }

    @Test
    void parsesTwelveThousandRandomAndAdversarialReferencesQuicklyAndNeverThrows() {
        Random random = new Random(20_260_401L);
        List<Supplier<String>> families = List.of(
                () -> runOf(OPENING_MARKS.charAt(random.nextInt(OPENING_MARKS.length())), length(random)),
                () -> alternating(random, OPENING_MARKS.substring(0, 2 + random.nextInt(OPENING_MARKS.length() - 1))),
                () -> alternating(random, OPENING_MARKS + CLOSING_MARKS.charAt(random.nextInt(CLOSING_MARKS.length()))),
                () -> openingMarksThenOneClosingMarkAtTheEnd(random),
                () -> fromAlphabet(random, "0123456789-–—~.,;:/()[]  ", length(random)),
                () -> doiWithTrailingPunctuation(random),
                () -> fromAlphabet(random, "abcdefghijklmnopqrstuvwxyz", length(random)),
                () -> hangul(random, length(random)),
                () -> fromAlphabet(random, WHITESPACE + "a1.-<「", length(random)),
                () -> fragmentsOfRealReferences(random, length(random)),
                () -> fragmentsOfRealReferencesWithMarksDropped(random, length(random)),
                () -> randomCodeUnits(random, length(random)));

        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            long slowest = 0;
            String slowestInput = "";
            int count = 0;
            for (Supplier<String> family : families) {
                for (int i = 0; i < STRINGS_PER_FAMILY; i++) {
                    String reference = family.get();
                    assertThat(reference.length()).isLessThanOrEqualTo(ENTRY_LIMIT);
                    long took = timeToParse(reference);
                    if (took > PER_REFERENCE_BOUND.toNanos()) {
                        // Once more before judging: a just-in-time compilation or a collection is not the parser's
                        // doing, while a super-linear parser is slow every time.
                        took = Math.min(took, timeToParse(reference));
                    }
                    if (took > slowest) {
                        slowest = took;
                        slowestInput = reference;
                    }
                    count++;
                }
            }
            System.out.printf("Parsed %d adversarial references; slowest %.2f ms of CPU (%d characters starting %s)%n",
                    count, slowest / 1e6, slowestInput.length(), slowestInput.substring(0, Math.min(24, slowestInput.length())));
            assertThat(count).isGreaterThanOrEqualTo(10_000);
            assertThat(Duration.ofNanos(slowest)).as("slowest reference").isLessThan(PER_REFERENCE_BOUND);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", "“", "\"", "「", "『", "(", "[", "‘", "〈", "《", "«"})
    void readsTwentyThousandOpeningMarksInAFewMilliseconds(String mark) {
        String reference = mark.repeat(20_000);

        assertTimeoutPreemptively(Duration.ofMillis(200), () -> parseAsTheResolverDoes(reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", "“", "「", "『", "<「"})
    void readsANineHundredThousandCharacterRecordInWellUnderASecond(String mark) {
        String reference = mark.repeat(900_000 / mark.length());

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parseAsTheResolverDoes(reference));
    }

    @Test
    void matchesJournalAbbreviationsInANineHundredThousandCharacterRecordOfNearMatchesInWellUnderASecond() {
        // Every word starts a run that matches "physical review" and fails only at the third word.
        String reference = "Phys. Rev. Phys. Rev. Lett ".repeat(900_000 / 27) + "e0123456 S184 ".repeat(1_000);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parseAsTheResolverDoes(reference));
    }

    @Test
    void findsADoiFollowedByNineHundredThousandClosingBracketsInWellUnderASecond() {
        String reference = "Kim, J. (2015). doi:10.1234/abc" + ")".repeat(900_000);

        String doi = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Dois.find(reference));

        assertThat(doi).isEqualTo("10.1234/abc");
    }

    /**
     * The parsing thread's CPU time rather than the wall clock's: on a machine shared by several builds a thread
     * waits for a core far longer than any reference takes to parse.
     */
    private static long timeToParse(String reference) {
        long started = THREADS.getCurrentThreadCpuTime();
        parseAsTheResolverDoes(reference);
        return THREADS.getCurrentThreadCpuTime() - started;
    }

    /**
     * What the citation-service does with one reference's string outside the database: parse it, take its DOI and
     * search key as the reference store does, and score its longest title piece as against one candidate.
     */
    private static void parseAsTheResolverDoes(String reference) {
        ParsedReference parsed = ReferenceParser.raw(reference);
        Dois.find(reference);
        TextKeys.key(reference);
        // The resolver looks for each candidate's journal among the reference's words.
        JournalWords.names(parsed.words(), "physical review letters");
        JournalWords.names(parsed.words(), "journal american chemical society");
        if (!parsed.titleKeys().isEmpty()) {
            Trigrams.similarity(parsed.titleKeys().get(0), parsed.containerKey());
            Trigrams.containment(parsed.titleKeys().get(0), parsed.textKey());
        }
    }

    private static int length(Random random) {
        // A quarter of the strings are as long as a reference may be: the worst case for anything super-linear.
        return random.nextInt(4) == 0 ? ENTRY_LIMIT : random.nextInt(ENTRY_LIMIT + 1);
    }

    private static String runOf(char mark, int length) {
        return String.valueOf(mark).repeat(length);
    }

    private static String alternating(Random random, String marks) {
        int length = length(random);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(marks.charAt(text.length() % marks.length()));
        }
        return text.toString();
    }

    private static String openingMarksThenOneClosingMarkAtTheEnd(Random random) {
        int kind = random.nextInt(OPENING_MARKS.length());
        int length = Math.max(1, length(random));
        return runOf(OPENING_MARKS.charAt(kind), length - 1) + CLOSING_MARKS.charAt(kind);
    }

    private static String doiWithTrailingPunctuation(Random random) {
        String doi = "10." + (1000 + random.nextInt(9000)) + "/x";
        return doi + fromAlphabet(random, ".,;:)]}'", Math.max(0, length(random) - doi.length()));
    }

    private static String fromAlphabet(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String hangul(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(8) == 0 ? ' ' : (char) (0xAC00 + random.nextInt(0xD7A3 - 0xAC00 + 1)));
        }
        return text.toString();
    }

    private static String fragmentsOfRealReferences(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            String reference = realReferences.get(random.nextInt(realReferences.size()));
            int start = random.nextInt(reference.length());
            text.append(reference, start, Math.min(reference.length(), start + 1 + random.nextInt(40)));
        }
        return text.substring(0, length);
    }

    /** Real fragments in which the closing marks are gone, so every opening mark is left open. */
    private static String fragmentsOfRealReferencesWithMarksDropped(Random random, int length) {
        String text = fragmentsOfRealReferences(random, length);
        StringBuilder open = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            open.append(CLOSING_MARKS.indexOf(c) >= 0 && c != '"' ? OPENING_MARKS.charAt(CLOSING_MARKS.indexOf(c)) : c);
        }
        return open.toString();
    }

    /** Any UTF-16 code units, unpaired surrogates included. */
    private static String randomCodeUnits(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(0x10000));
        }
        return text.toString();
    }
}
