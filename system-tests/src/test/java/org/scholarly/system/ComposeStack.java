package org.scholarly.system;

import org.junit.jupiter.api.Assumptions;
import org.scholarly.stack.JwtIssuer;
import org.scholarly.testsupport.DockerEngine;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The platform as the repository's own docker-compose.yml deploys it ({@code -Pcompose}): built from the packaged
 * services and started by Testcontainers' compose module, once per test JVM, with a fresh token key and fresh
 * passwords. Without a Docker engine every test that needs it is skipped, and says why.
 */
final class ComposeStack {

    static final Map<String, Integer> SERVICES = Map.of("catalog-service", 8081, "citation-service", 8082, "notification-service", 8083);
    /** The compose file's own listener for tools on the host. */
    static final String KAFKA_BOOTSTRAP = "localhost:19092";

    private static ComposeStack started;

    private final ComposeContainer compose;
    private final JwtIssuer issuer;

    private ComposeStack(ComposeContainer compose, JwtIssuer issuer) {
        this.compose = compose;
        this.issuer = issuer;
    }

    static synchronized ComposeStack get() {
        if (!DockerEngine.answers()) {
            String reason = "SKIPPED (needs Docker) the compose deployment: " + DockerEngine.reason();
            System.out.println("[system tests] " + reason);
            Assumptions.abort(reason);
        }
        if (started == null) {
            started = start();
        }
        return started;
    }

    private static ComposeStack start() {
        Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        JwtIssuer issuer = JwtIssuer.generate("https://scholarly.test/compose-issuer");
        ComposeContainer compose = new ComposeContainer("scholarly-" + UUID.randomUUID().toString().substring(0, 8),
                root.resolve("docker-compose.yml").toFile())
                .withEnv(environment(issuer))
                .withBuild(true)
                .withRemoveVolumes(true);
        SERVICES.forEach((service, port) -> compose.withExposedService(service, port,
                Wait.forHttp("/q/health/ready").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5))));
        compose.start();
        Runtime.getRuntime().addShutdownHook(new Thread(compose::stop, "stop-compose"));
        return new ComposeStack(compose, issuer);
    }

    /** What deploy/compose.env.example asks for, freshly generated: nothing of a real deployment is used. */
    private static Map<String, String> environment(JwtIssuer issuer) {
        Path keys;
        try {
            keys = Files.createTempDirectory("scholarly-compose-keys");
            Files.writeString(keys.resolve("public.pem"), issuer.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", issuer.issuer());
        env.put("JWT_PUBLIC_KEY_DIR", keys.toString());
        env.put("JWT_PUBLIC_KEY_LOCATION", "/keys/public.pem");
        for (String password : new String[] {"POSTGRES_ADMIN_PASSWORD", "CATALOG_DB_PASSWORD", "CITATION_DB_PASSWORD", "NOTIFICATION_DB_PASSWORD"}) {
            env.put(password, UUID.randomUUID().toString());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("NOTIFICATION_WEBHOOK_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        return env;
    }

    String url(String service) {
        Integer port = SERVICES.get(service);
        return "http://" + compose.getServiceHost(service, port) + ":" + compose.getServicePort(service, port);
    }

    String kafkaBootstrap() {
        return KAFKA_BOOTSTRAP;
    }

    JwtIssuer jwtIssuer() {
        return issuer;
    }
}
