package org.scholarly.bench;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {

    private final CorpusGenerator corpus = new CorpusGenerator(42, 2_000, 20);

    @Test
    void generatesTheSameArticleForTheSameSeedAndIndex() {
        assertThat(corpus.article(1234).json()).isEqualTo(new CorpusGenerator(42, 2_000, 20).article(1234).json());
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
    void givesEveryArticleADistinctTitleAndAValidIssn() {
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            titles.add(corpus.englishTitle(i));
        }
        assertThat(titles).hasSizeGreaterThan(1_990);
        assertThat(CorpusGenerator.issn(0)).matches("\\d{4}-\\d{3}[\\dX]");
    }
}
