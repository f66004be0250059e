package org.scholarly.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Apache Kafka broker in its own JVM, so that it can be stopped, killed with
 * {@code kill -9} and restarted on the same data directory exactly as an operator would.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private Process process;

    public KafkaBroker(Path home, int port, int controllerPort, String classpath) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    /** A broker whose JVM uses this JVM's classpath, which must hold the Kafka server jars. */
    public static KafkaBroker withOwnClasspath(Path home, int port, int controllerPort) {
        return new KafkaBroker(home, port, controllerPort, System.getProperty("java.class.path"));
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path logFile() {
        return home.resolve("kafka.log");
    }

    /** Formats the storage on first use, then starts the broker and waits until it accepts connections. */
    public synchronized KafkaBroker start() {
        try {
            Files.createDirectories(home);
            Path properties = writeProperties();
            if (!Files.exists(home.resolve("data/meta.properties"))) {
                format(properties);
            }
            process = java("kafka.Kafka", properties.toString()).start();
            Ports.awaitOpen(port, Duration.ofSeconds(90), "Kafka");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** The hard way: SIGKILL, no clean shutdown, as in a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            await(process);
            process = null;
        }
    }

    /** Clean shutdown (SIGTERM), falling back to SIGKILL after 30 s. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    await(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeProperties() throws IOException {
        Path file = home.resolve("server.properties");
        String data = home.resolve("data").toAbsolutePath().toString();
        Files.writeString(file, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                // One node: internal topics must not wait for replicas that will never exist.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Without this a new consumer group waits 3 s before it is given partitions.
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1",
                ""));
        return file;
    }

    private void format(Path properties) throws IOException {
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        ProcessBuilder builder = java("kafka.tools.StorageTool", "format", "--standalone",
                "-t", clusterId, "-c", properties.toString());
        Process format = builder.start();
        int exit = await(format);
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed (exit " + exit + "), see " + logFile());
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx768m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    }

    private static int await(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
