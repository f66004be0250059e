package org.scholarly.testsupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The containers the tests start are the images the compose deployment runs, so both test the same servers. */
class ContainerImagesTest {

    @Test
    void testContainersUseTheImagesOfDockerCompose() throws IOException {
        Path compose = Path.of(System.getProperty("repository.root", "..")).resolve("docker-compose.yml");
        String file = Files.readString(compose);
        assertThat(file).contains("image: " + ContainerServers.POSTGRES_IMAGE + "\n");
        assertThat(file).contains("image: " + ContainerServers.KAFKA_IMAGE + "\n");
    }
}
