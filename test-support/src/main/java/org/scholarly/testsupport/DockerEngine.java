package org.scholarly.testsupport;

import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a Docker engine answers, asked once per JVM. Testcontainers' own probe logs every strategy it tries, with
 * stack traces, when there is no engine at all; so it is asked only when there is a sign of one (DOCKER_HOST, a
 * Testcontainers configuration file, or a Docker socket in one of the usual places).
 */
public final class DockerEngine {

    private static Boolean answers;
    private static String reason;

    private DockerEngine() {
    }

    public static synchronized boolean answers() {
        if (answers == null) {
            List<String> signs = signs();
            if (signs.isEmpty()) {
                answers = false;
                reason = "no Docker engine: DOCKER_HOST is unset, there is no ~/.testcontainers.properties and no Docker socket";
            } else {
                answers = DockerClientFactory.instance().isDockerAvailable();
                reason = answers ? "a Docker engine answers (" + String.join(", ", signs) + ")"
                        : "no Docker engine answered at " + String.join(", ", signs);
            }
        }
        return answers;
    }

    /** Why {@link #answers()} said what it said, for the line every test run prints and for skipped tests. */
    public static synchronized String reason() {
        answers();
        return reason;
    }

    private static List<String> signs() {
        List<String> signs = new ArrayList<>();
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            signs.add("DOCKER_HOST=" + dockerHost);
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (Files.exists(home.resolve(".testcontainers.properties"))) {
            signs.add("~/.testcontainers.properties");
        }
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock")));
        String runtimeDirectory = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDirectory != null && !runtimeDirectory.isBlank()) {
            // Rootless Docker and Podman's Docker-compatible socket.
            sockets.add(Path.of(runtimeDirectory, "docker.sock"));
            sockets.add(Path.of(runtimeDirectory, "podman", "podman.sock"));
        }
        sockets.stream().filter(Files::exists).forEach(socket -> signs.add(socket.toString()));
        return signs;
    }
}
