package org.scholarly.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ResolutionQualityTest {

    @Test
    void samplesDistinctCitingArticlesDeterministicallyAndNeverTheFirst() {
        TreeSet<Integer> sample = ResolutionQuality.sample(1_000, 400, 42);

        assertThat(sample).hasSize(400).doesNotContain(0).allMatch(i -> i < 1_000);
        assertThat(ResolutionQuality.sample(1_000, 400, 42)).isEqualTo(sample);
        assertThat(ResolutionQuality.sample(1_000, 400, 43)).isNotEqualTo(sample);
        assertThat(ResolutionQuality.sample(10, 400, 42)).hasSize(9);
    }

    @Test
    void readsTheTruthOfTheSampledArticlesOnlyFromTheFilesTheCorpusWrites(@TempDir Path directory) throws Exception {
        CorpusFiles files = CorpusFiles.write(new CorpusGenerator(7, 50, 5), directory);
        CorpusGenerator corpus = new CorpusGenerator(7, 50, 5);

        Map<Integer, Map<Integer, String[]>> truth = ResolutionQuality.readTruth(files.truth(), new TreeSet<>(java.util.List.of(3, 40)));

        assertThat(truth.keySet()).containsExactlyInAnyOrder(3, 40);
        CorpusGenerator.Truth first = corpus.article(40).truth().get(0);
        assertThat(truth.get(40)).hasSize(corpus.article(40).truth().size());
        assertThat(truth.get(40).get(1)).containsExactly("40", "1", first.kind().name(), String.valueOf(first.target()),
                first.noise().name());
        assertThat(Files.readAllLines(files.truth()).get(0)).isEqualTo("article\tposition\tkind\ttarget\tnoise");
    }
}
