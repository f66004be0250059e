package org.scholarly.testsupport;

import org.junit.jupiter.api.Test;
import org.scholarly.testsupport.InfrastructureChoice.Source;

import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfrastructureChoiceTest {

    private static final Map<String, String> NOTHING = Map.of();
    private static final Map<String, String> BOTH = Map.of(InfrastructureChoice.DATABASE_URL, "jdbc:postgresql://db:5432/postgres",
            InfrastructureChoice.KAFKA_SERVERS, "broker:9092");
    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    private static InfrastructureChoice choose(String forced, Map<String, String> env, BooleanSupplier docker) {
        return InfrastructureChoice.of(forced, env, docker, () -> docker.getAsBoolean() ? "docker" : "no docker");
    }

    @Test
    void namedServersComeFirstAndDockerIsNotEvenAsked() {
        InfrastructureChoice choice = choose(null, BOTH, () -> {
            throw new AssertionError("Docker was probed although both servers are named");
        });
        assertThat(choice.postgres()).isEqualTo(Source.EXTERNAL);
        assertThat(choice.kafka()).isEqualTo(Source.EXTERNAL);
    }

    @Test
    void containersWhereDockerAnswersEmbeddedOtherwise() {
        assertThat(choose(null, NOTHING, DOCKER)).extracting(InfrastructureChoice::postgres, InfrastructureChoice::kafka)
                .containsExactly(Source.CONTAINERS, Source.CONTAINERS);
        assertThat(choose(null, NOTHING, NO_DOCKER)).extracting(InfrastructureChoice::postgres, InfrastructureChoice::kafka)
                .containsExactly(Source.EMBEDDED, Source.EMBEDDED);
    }

    @Test
    void eachServerNotNamedFallsBackOnItsOwn() {
        InfrastructureChoice choice = choose(null, Map.of(InfrastructureChoice.KAFKA_SERVERS, "broker:9092"), NO_DOCKER);
        assertThat(choice.postgres()).isEqualTo(Source.EMBEDDED);
        assertThat(choice.kafka()).isEqualTo(Source.EXTERNAL);
    }

    @Test
    void forcingAPathOverridesTheOrder() {
        assertThat(choose("embedded", BOTH, DOCKER).postgres()).isEqualTo(Source.EMBEDDED);
        assertThat(choose("containers", BOTH, DOCKER).kafka()).isEqualTo(Source.CONTAINERS);
        assertThat(choose("EXTERNAL", BOTH, NO_DOCKER).postgres()).isEqualTo(Source.EXTERNAL);
    }

    @Test
    void forcingContainersWithoutDockerFailsAndSaysWhy() {
        assertThatThrownBy(() -> choose("containers", NOTHING, NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dtest.infra=containers needs a Docker engine")
                .hasMessageContaining("no docker");
    }

    @Test
    void forcingExternalWithoutTheVariablesNamesTheMissingOne() {
        assertThatThrownBy(() -> choose("external", Map.of(InfrastructureChoice.DATABASE_URL, "jdbc:postgresql://db/postgres"), DOCKER))
                .hasMessageContaining("TEST_KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageNotContaining("unset: TEST_DATABASE_URL");
    }

    @Test
    void anUnknownPathIsRefused() {
        assertThatThrownBy(() -> choose("docker", NOTHING, DOCKER)).hasMessageContaining("not one of external, containers, embedded");
    }
}
