package org.scholarly.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void defaultsToAnEmbeddedStackAndTwentyThousandArticles() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.articles()).isEqualTo(20_000);
        assertThat(options.journals()).isEqualTo(200);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.work()).isEqualTo(Path.of("bench/work"));
        assertThat(options.external()).isNull();
        assertThat(options.command()).isEqualTo("bench/run");
        assertThat(options.citationInstances()).isEqualTo(1);
        assertThat(options.compareInstances()).isFalse();
    }

    @Test
    void startsAsManyCitationInstancesAsAsked() {
        BenchmarkOptions options = BenchmarkOptions.parse("--articles", "300", "--citation-instances", "2");

        assertThat(options.citationInstances()).isEqualTo(2);
        assertThat(options.command()).isEqualTo("bench/run --articles 300 --citation-instances 2");
    }

    @Test
    void comparesOneInstanceWithTwoOnTheSameCorpus() {
        BenchmarkOptions options = BenchmarkOptions.parse("--compare-instances", "--articles", "300");

        assertThat(options.compareInstances()).isTrue();
        BenchmarkOptions two = options.withCitationInstances(2);
        assertThat(two.citationInstances()).isEqualTo(2);
        assertThat(two.compareInstances()).isFalse();
        assertThat(two.articles()).isEqualTo(300);
        assertThat(two.command()).isEqualTo("bench/run --articles 300 --citation-instances 2");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--compare-instances", "--citation-instances", "3"))
                .hasMessageContaining("leave --citation-instances out");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--citation-instances", "2", "--catalog", "http://c", "--citation", "http://d",
                "--kafka", "k:1", "--jdbc", "jdbc:postgresql://x/postgres", "--jwt-keys", "keys"))
                .hasMessageContaining("need the embedded stack");
    }

    @Test
    void keepsTheCommandLineThatReproducesTheRun() {
        BenchmarkOptions options = BenchmarkOptions.parse("--articles", "100000", "--seed", "7");

        assertThat(options.articles()).isEqualTo(100_000);
        assertThat(options.command()).isEqualTo("bench/run --articles 100000 --seed 7");
    }

    @Test
    void refusesAHalfGivenExternalStackAndUnknownOptions() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--catalog", "http://localhost:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--jwt-keys");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--artcles", "5")).hasMessageContaining("unknown option --artcles");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--articles", "0")).hasMessageContaining("at least 1");
    }
}
