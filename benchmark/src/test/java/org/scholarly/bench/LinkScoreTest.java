package org.scholarly.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholarly.bench.CorpusGenerator.Kind.DOI;
import static org.scholarly.bench.CorpusGenerator.Kind.STRUCTURED;
import static org.scholarly.bench.CorpusGenerator.Kind.UNSTRUCTURED;

class LinkScoreTest {

    @Test
    void countsOnlyLinksToTheGeneratingArticleAsCorrect() {
        LinkScore score = new LinkScore();
        score.add(DOI, 7, 7);                    // correct
        score.add(DOI, 7, 8);                    // wrong article
        score.add(DOI, -1, LinkScore.OUTSIDE);   // outside the corpus, linked anyway: wrong
        score.add(DOI, 3, null);                 // missed

        LinkScore.Tally doi = score.of(DOI);
        assertThat(doi.references()).isEqualTo(4);
        assertThat(doi.inCorpus()).isEqualTo(3);
        assertThat(doi.linked()).isEqualTo(3);
        assertThat(doi.correct()).isEqualTo(1);
        assertThat(doi.precision()).isEqualTo(1.0 / 3);
        assertThat(doi.recall()).isEqualTo(1.0 / 3);
    }

    @Test
    void leavesAnUnresolvedReferenceOutsideTheCorpusOutOfBothRatios() {
        LinkScore score = new LinkScore();
        score.add(UNSTRUCTURED, 5, 5);
        score.add(UNSTRUCTURED, -1, null);

        assertThat(score.of(UNSTRUCTURED).precision()).isEqualTo(1.0);
        assertThat(score.of(UNSTRUCTURED).recall()).isEqualTo(1.0);
    }

    @Test
    void keepsKindsApartAndSumsThemOverall() {
        LinkScore score = new LinkScore();
        score.add(DOI, 1, 1);
        score.add(STRUCTURED, 2, null);
        score.add(UNSTRUCTURED, 3, 4);

        assertThat(score.all()).isEqualTo(new LinkScore.Tally(3, 3, 2, 1));
        assertThat(score.of(STRUCTURED).precision()).isNaN();
        assertThat(score.of(STRUCTURED).recall()).isZero();
    }

    @Test
    void scoresNoisyReferencesTogetherAndPerNoiseBesideTheirKind() {
        LinkScore score = new LinkScore();
        score.add(STRUCTURED, ReferenceNoise.Noise.TITLE_TYPO, 4, 4);
        score.add(UNSTRUCTURED, ReferenceNoise.Noise.NO_YEAR, 5, null);
        score.add(STRUCTURED, 6, 6);

        assertThat(score.noisy()).isEqualTo(new LinkScore.Tally(2, 2, 1, 1));
        assertThat(score.of(ReferenceNoise.Noise.TITLE_TYPO).recall()).isEqualTo(1.0);
        assertThat(score.of(ReferenceNoise.Noise.NO_YEAR).recall()).isZero();
        assertThat(score.of(STRUCTURED)).isEqualTo(new LinkScore.Tally(2, 2, 2, 2));
        assertThat(score.all().references()).isEqualTo(3);
    }
}
