package org.scholarly.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus application under test at a database of its own on the real PostgreSQL, at the real Kafka
 * broker, and at the test token issuer. Use it with {@code @WithTestResource(RealInfrastructureResource.class)}
 * or globally with {@code @QuarkusTestResource}. The init argument {@code database} names the database prefix.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String databasePrefix = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", RealInfrastructure.newDatabase(databasePrefix));
        config.put("quarkus.datasource.username", RealInfrastructure.databaseUser());
        config.put("quarkus.datasource.password", RealInfrastructure.databasePassword());
        config.put("kafka.bootstrap.servers", RealInfrastructure.kafkaBootstrapServers());
        config.put("mp.jwt.verify.issuer", RealInfrastructure.jwtIssuer().issuer());
        config.put("mp.jwt.verify.publickey", RealInfrastructure.jwtIssuer().publicKeyPem());
        return config;
    }

    @Override
    public void stop() {
        // The database is left for inspection; the server and everything in it go when the JVM exits.
    }
}
