package org.scholarly.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTest {

    @Test
    void synthesisesAtLeastTwentyThousandDistinctWordsPerLanguage() {
        for (Vocabulary vocabulary : new Vocabulary[] {Vocabulary.english(42), Vocabulary.korean(42)}) {
            Set<String> words = new HashSet<>();
            for (int rank = 1; rank <= vocabulary.size(); rank++) {
                words.add(vocabulary.word(rank));
            }
            assertThat(words).hasSizeGreaterThanOrEqualTo(20_000);
        }
        assertThat(Vocabulary.english(42).word(500)).matches("[a-z]{2,}");
        assertThat(Vocabulary.korean(42).word(500)).matches("[가-힣]{2,4}");
    }

    @Test
    void drawsWordsWithAZipfShapeTheMostFrequentTwiceTheSecondAndATailThatCounts() {
        Vocabulary vocabulary = Vocabulary.english(42);
        Random random = new Random(1);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 500_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(vocabulary.draw(random), 1, Integer::sum);
        }
        int[] sorted = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int first = sorted[sorted.length - 1];
        int second = sorted[sorted.length - 2];
        long top100 = Arrays.stream(sorted, sorted.length - 100, sorted.length).sum();

        assertThat(counts.get(vocabulary.word(1))).isEqualTo(first);
        assertThat((double) first / second).isBetween(1.7, 2.5);
        // 1/r^1.05 over 24,000 ranks: the top hundred words make about half of all, not nearly all of it.
        assertThat((double) top100 / draws).isBetween(0.40, 0.65);
        assertThat(counts).hasSizeGreaterThan(15_000);
    }

    @Test
    void isTheSameForTheSameSeedAndOtherForAnother() {
        assertThat(Vocabulary.english(42).word(7_000)).isEqualTo(Vocabulary.english(42).word(7_000));
        assertThat(Vocabulary.korean(42).word(7_000)).isEqualTo(Vocabulary.korean(42).word(7_000));
        assertThat(Vocabulary.english(42).word(7_000)).isNotEqualTo(Vocabulary.english(43).word(7_000));
    }
}
