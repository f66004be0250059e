package org.scholarly.system;

import org.junit.jupiter.api.Assumptions;
import org.scholarly.stack.JwtIssuer;
import org.scholarly.stack.LocalStack;
import org.scholarly.stack.ServiceProcess;
import org.scholarly.stack.StackSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform as {@code ./stack up} runs it (embedded PostgreSQL, a Kafka broker process, three service JVMs),
 * started once per test JVM on free ports so that it never collides with a running ./stack, and stopped at exit.
 *
 * <p>With {@code -Dsystem.stack=compose} (the {@code -Pcompose} profile) the scenarios run against the compose
 * deployment instead ({@link ComposeStack}); tests that control the service processes themselves are skipped there.
 */
public final class SystemStack {

    /** Settings the system tests need on top of the defaults: loopback webhooks and a visible campaign pace. */
    static final Map<String, String> TEST_ENVIRONMENT = Map.of(
            "QUARKUS_MAILER_MOCK", "true",
            "NOTIFICATION_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true",
            "NOTIFICATION_DELIVERY_RETRY_INITIAL", "1s",
            // Enough attempts, at most 8 s apart, to outlast the one-minute receiver outage of the drills.
            "NOTIFICATION_DELIVERY_RETRY_MAX_DELAY", "8s",
            "NOTIFICATION_DELIVERY_RETRY_MAX_ATTEMPTS", "15",
            // One article per batch and a pause, so that a campaign's BUILDING state can be watched.
            "CITATION_BUILDS_BATCH_SIZE", "1",
            "CITATION_BUILDS_PAUSE", "700ms",
            // Every test polls anonymously from one address; the anonymous read limit is tested in each service.
            "SCHOLARLY_RATE_LIMIT_ANONYMOUS_READS_PER_SECOND", "100000",
            "SCHOLARLY_RATE_LIMIT_ANONYMOUS_READ_BURST", "100000");

    private static LocalStack stack;

    private SystemStack() {
    }

    /** True when the scenarios run against docker-compose.yml's deployment. */
    public static boolean compose() {
        return "compose".equals(System.getProperty("system.stack", "local"));
    }

    /** Skips a test that needs the process stack, naming what it needs, when the scenarios run on compose. */
    public static void requireProcessStack(String why) {
        if (compose()) {
            String reason = "SKIPPED on the compose deployment: " + why;
            System.out.println("[system tests] " + reason);
            Assumptions.abort(reason);
        }
    }

    public static synchronized LocalStack get() {
        requireProcessStack("it starts, stops or inspects the service processes and their servers");
        if (stack == null) {
            Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
            Path home = root.resolve("system-tests/target/stack-" + UUID.randomUUID().toString().substring(0, 8));
            StackSettings settings = StackSettings.freePorts(home, root, System.getProperty("java.class.path"), TEST_ENVIRONMENT);
            LocalStack started = new LocalStack(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-system-stack"));
            started.startInfrastructure().startServices();
            stack = started;
        }
        return stack;
    }

    public static String url(String service) {
        return compose() ? ComposeStack.get().url(service) : get().service(service).baseUrl();
    }

    public static String catalog() {
        return url("catalog-service");
    }

    public static String citation() {
        return url("citation-service");
    }

    public static String notification() {
        return url("notification-service");
    }

    public static String token(String role) {
        JwtIssuer issuer = compose() ? ComposeStack.get().jwtIssuer() : get().jwtIssuer();
        return issuer.token("system-test-" + role, List.of(role), Duration.ofHours(1));
    }

    /** The broker, for the probes: the compose file publishes it on the host as localhost:19092. */
    public static String kafkaBootstrapServers() {
        return compose() ? ComposeStack.get().kafkaBootstrap() : get().kafka().bootstrapServers();
    }

    public static ServiceProcess service(String instance) {
        return get().service(instance);
    }
}
