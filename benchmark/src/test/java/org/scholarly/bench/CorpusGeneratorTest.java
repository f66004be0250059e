package org.scholarly.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scholarly.bench.ReferenceNoise.Noise;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {

    private final CorpusGenerator corpus = new CorpusGenerator(42, 2_000, 20);

    @Test
    void generatesTheSameArticleForTheSameSeedAndIndex() {
        assertThat(corpus.article(1234).json()).isEqualTo(new CorpusGenerator(42, 2_000, 20).article(1234).json());
        assertThat(corpus.article(1234).truth()).isEqualTo(new CorpusGenerator(42, 2_000, 20).article(1234).truth());
        assertThat(corpus.article(1234).json()).isNotEqualTo(new CorpusGenerator(43, 2_000, 20).article(1234).json());
    }

    @Test
    void mixesReferenceKindsAndOutsideTargetsInTheAdvertisedProportions() {
        int total = 0;
        int doi = 0;
        int outside = 0;
        for (int i = 1; i < 2_000; i++) {
            for (CorpusGenerator.Truth truth : corpus.article(i).truth()) {
                total++;
                doi += truth.kind() == CorpusGenerator.Kind.DOI ? 1 : 0;
                outside += truth.target() < 0 ? 1 : 0;
                assertThat(truth.target()).isLessThan(i);
            }
        }
        assertThat((double) doi / total).isBetween(0.45, 0.55);
        assertThat((double) outside / total).isBetween(0.07, 0.13);
        assertThat(total / 1999.0).isBetween(20.0, 40.0);
    }

    @Test
    void makesATenthOfTheReferencesNoisyWithEveryKindOfNoiseAndNeverADoi() {
        int total = 0;
        Map<Noise, Integer> noisy = new EnumMap<>(Noise.class);
        for (int i = 1; i < 2_000; i++) {
            for (CorpusGenerator.Truth truth : corpus.article(i).truth()) {
                total++;
                if (truth.noise() != Noise.NONE) {
                    noisy.merge(truth.noise(), 1, Integer::sum);
                    assertThat(truth.kind()).isNotEqualTo(CorpusGenerator.Kind.DOI);
                }
            }
        }
        int all = noisy.values().stream().mapToInt(Integer::intValue).sum();
        assertThat((double) all / total).isBetween(0.08, 0.12);
        assertThat(noisy.keySet()).containsExactlyInAnyOrder(ReferenceNoise.KINDS);
    }

    @Test
    void keepsTheGroundTruthOfEveryNoisyReference() {
        int checked = 0;
        for (int i = 1; i < 600; i++) {
            CorpusGenerator.Article article = corpus.article(i);
            JsonNode references = article.json().path("references");
            for (CorpusGenerator.Truth truth : article.truth()) {
                if (truth.noise() == Noise.NONE) {
                    continue;
                }
                assertThat(truth.target()).isLessThan(i);
                if (truth.target() < 0) {
                    assertThat(truth.noise()).isEqualTo(Noise.TITLE_TYPO);
                    continue;
                }
                checked++;
                JsonNode ref = references.get(truth.position() - 1);
                String text = truth.kind() == CorpusGenerator.Kind.STRUCTURED ? ref.path("title").asText() : ref.path("raw").asText();
                String en = corpus.englishTitle(truth.target());
                String ko = corpus.koreanTitle(truth.target());
                if (truth.noise() == Noise.TITLE_TYPO) {
                    assertThat(closeToOneOf(text, en, ko)).as(text).isTrue();
                } else {
                    assertThat(text.contains(en) || text.contains(ko)).as(text).isTrue();
                }
                String family = corpus.article(truth.target()).json().path("authors").get(0).path("familyNames").path("en").asText();
                String familyKo = corpus.article(truth.target()).json().path("authors").get(0).path("familyNames").path("ko").asText();
                String authorText = truth.kind() == CorpusGenerator.Kind.STRUCTURED ? ref.path("authors").get(0).asText() : text;
                assertThat(authorText.startsWith(family) || authorText.startsWith(familyKo)).as(authorText).isTrue();
                if (truth.kind() == CorpusGenerator.Kind.STRUCTURED) {
                    assertThat(ref.has("year")).isEqualTo(truth.noise() != Noise.NO_YEAR);
                    assertThat(ref.has("volume")).isEqualTo(truth.noise() != Noise.NO_VOLUME);
                    assertThat(ref.has("firstPage")).isEqualTo(truth.noise() != Noise.NO_PAGES);
                    String journal = corpus.journalTitleEn(corpus.journal(truth.target()));
                    assertThat(ref.path("container").asText()).isEqualTo(truth.noise() == Noise.ABBREVIATED_JOURNAL
                            ? ReferenceNoise.abbreviateJournal(journal) : journal);
                    if (truth.noise() == Noise.AUTHOR_INITIALS) {
                        assertThat(authorText).matches(family + ", [A-Z]\\.(-[A-Z]\\.)?");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void writesTitlesFromAWideVocabularyThatStillSharesItsCommonWords() {
        Map<String, Integer> english = new HashMap<>();
        Set<String> korean = new HashSet<>();
        long words = 0;
        for (int i = 0; i < 20_000; i++) {
            for (String word : corpus.englishTitle(i).toLowerCase().split(" ")) {
                english.merge(word, 1, Integer::sum);
                words++;
            }
            korean.addAll(List.of(corpus.koreanTitle(i).split(" ")));
        }
        long topTwenty = english.values().stream().sorted((a, b) -> b - a).limit(20).mapToLong(Integer::longValue).sum();

        // A Zipf tail is only ever seen in part: 20,000 titles show over ten thousand of the 24,000 words.
        assertThat(english).hasSizeGreaterThan(10_000);
        assertThat(korean).hasSizeGreaterThan(10_000);
        assertThat((double) topTwenty / words).isBetween(0.15, 0.6);
    }

    /** Same number of words, and each differs from the original by at most one letter dropped, doubled or swapped. */
    private static boolean closeToOneOf(String text, String... originals) {
        for (String original : originals) {
            for (String typedTitle : java.util.Arrays.asList(text, after(text, "「"), after(text, "). "))) {
                if (typedTitle != null && closeTo(typedTitle, original)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String after(String text, String marker) {
        int at = text.indexOf(marker);
        return at < 0 ? null : text.substring(at + marker.length());
    }

    private static boolean closeTo(String text, String original) {
        String[] typed = text.split(" ");
        String[] words = original.split(" ");
        if (typed.length < words.length) {
            return false;
        }
        int changed = 0;
        boolean close = true;
        for (int w = 0; w < words.length; w++) {
            String t = w == words.length - 1 ? typed[w].replaceAll("[.」]+,?$", "") : typed[w];
            if (!t.equals(words[w])) {
                changed++;
                close &= Math.abs(t.length() - words[w].length()) <= 1;
            }
        }
        return close && changed >= 1 && changed <= 2;
    }

    @Test
    void givesEveryArticleADistinctTitleAndAValidIssn() {
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            titles.add(corpus.englishTitle(i));
        }
        assertThat(titles).hasSizeGreaterThan(1_990);
        assertThat(CorpusGenerator.issn(0)).matches("\\d{4}-\\d{3}[\\dX]");
    }
}
