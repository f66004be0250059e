package org.scholarly.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code ./stack} runs: {@code up}, {@code status} and {@code token}. ({@code down} and {@code --detach}
 * are handled by the script, which owns the background process.)
 */
public final class StackCommand {

    private static final String TOKEN_USAGE =
            "usage: ./stack token <editor|ingest|reader> [--subject NAME] [--audience scholarly-catalog|scholarly-citation|scholarly-notification]...";

    private StackCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("stack.home", root.resolve(".stack").toString())).toAbsolutePath();
        StackSettings settings = StackSettings.localDefaults(home, root);
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> up(settings, root);
            case "status" -> status(settings);
            case "token" -> token(settings, Arrays.copyOfRange(args, 1, args.length));
            case "redrive" -> redrive(settings, Arrays.copyOfRange(args, 1, args.length));
            default -> {
                System.err.println("usage: ./stack up [--detach] | down | status | token <editor|ingest|reader> [--subject NAME] [--audience NAME]..."
                        + " | redrive <dead-letter topic> [--from-start] [--dry-run]");
                System.exit(2);
            }
        }
    }

    private static void up(StackSettings settings, Path root) throws InterruptedException {
        Path readyMarker = settings.home().resolve("ready");
        deleteQuietly(readyMarker);
        LocalStack stack = new LocalStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the stack ...");
            deleteQuietly(readyMarker);
            stack.close();
            deleteQuietly(settings.home().resolve("pids"));
            System.out.println("Stopped.");
            stopped.countDown();
        }, "stack-shutdown"));

        System.out.println("Starting PostgreSQL on " + settings.postgresPort() + " and Kafka on " + settings.kafkaPort() + " ...");
        stack.startInfrastructure();
        System.out.println("Starting " + String.join(", ", LocalStack.SERVICES) + " ...");
        stack.startServices();
        writePids(settings.home(), stack.pids());

        String ingestToken = stack.jwtIssuer().token("stack-samples", List.of("ingest"), Duration.ofMinutes(5));
        for (String line : SampleLoader.load(root.resolve("samples"), "http://localhost:" + StackSettings.CATALOG_PORT, ingestToken)) {
            System.out.println("Loaded sample " + line);
        }
        printUrls(settings);
        write(readyMarker, "ready\n");
        stopped.await();
    }

    private static void printUrls(StackSettings settings) {
        System.out.println();
        System.out.println("The platform is up. Data is kept in " + settings.home());
        for (String service : LocalStack.SERVICES) {
            int port = settings.portOf(service);
            System.out.printf("  %-21s http://localhost:%d   Swagger UI: http://localhost:%d/q/swagger-ui%n", service, port, port);
        }
        System.out.println("  PostgreSQL            jdbc:postgresql://localhost:" + settings.postgresPort() + "/{catalog,citation,notification}  (postgres/postgres)");
        System.out.println("  Kafka                 localhost:" + settings.kafkaPort());
        System.out.println("  Logs                  " + settings.home().resolve("logs"));
        System.out.println("  Token issuer          " + JwtIssuer.LOCAL_ISSUER + "  (development keys: " + settings.home().resolve("keys") + ")");
        System.out.println("Get a token with ./stack token editor. Ctrl-C (or ./stack down) stops everything.");
    }

    private static void status(StackSettings settings) {
        boolean up = Files.exists(settings.home().resolve("ready"));
        System.out.println("stack: " + (up ? "up" : "not up"));
        System.out.printf("  %-21s %s%n", "postgres :" + settings.postgresPort(), Ports.isOpen(settings.postgresPort()) ? "listening" : "down");
        System.out.printf("  %-21s %s%n", "kafka :" + settings.kafkaPort(), Ports.isOpen(settings.kafkaPort()) ? "listening" : "down");
        for (String service : LocalStack.SERVICES) {
            int port = settings.portOf(service);
            String state = ServiceProcess.isReady(port) ? "ready" : Ports.isOpen(port) ? "starting or not ready" : "down";
            System.out.printf("  %-21s %s%n", service + " :" + port, state);
        }
    }

    private static void token(StackSettings settings, String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException(TOKEN_USAGE);
        }
        String role = args[0];
        String subject = role + "-local";
        List<String> audiences = new ArrayList<>();
        for (int i = 1; i + 1 < args.length; i++) {
            switch (args[i]) {
                case "--subject" -> subject = args[++i];
                case "--audience" -> audiences.add(args[++i]);
                default -> throw new IllegalArgumentException(TOKEN_USAGE);
            }
        }
        JwtIssuer issuer = JwtIssuer.loadOrCreate(settings.home().resolve("keys"), JwtIssuer.LOCAL_ISSUER);
        System.out.println(issuer.token(subject, List.of(role), Duration.ofHours(12),
                audiences.isEmpty() ? JwtIssuer.LOCAL_AUDIENCES : audiences));
    }

    private static void redrive(StackSettings settings, String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ./stack redrive <dead-letter topic> [--from-start] [--dry-run]");
        }
        List<String> options = Arrays.asList(args);
        int sent = DeadLetterRedrive.redrive("localhost:" + settings.kafkaPort(), args[0],
                options.contains("--from-start"), options.contains("--dry-run"));
        System.out.println(sent + " record(s) sent back from " + args[0]);
    }

    private static void writePids(Path home, long[] pids) {
        StringBuilder lines = new StringBuilder(ProcessHandle.current().pid() + "\n");
        for (long pid : pids) {
            lines.append(pid).append('\n');
        }
        write(home.resolve("pids"), lines.toString());
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing to clean up.
        }
    }
}
