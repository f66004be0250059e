package org.scholarly.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run measures and against what. Without {@code --catalog} the benchmark starts its own stack on free
 * ports; with it, every external coordinate must be given, so that a run never half-uses a developer's stack.
 */
public record BenchmarkOptions(int articles, int journals, long seed, Path work, Path out,
                               Duration freshnessDuration, double freshnessMaxRate, double readRate, Duration readDuration,
                               int qualitySample, int citationInstances, boolean compareInstances, External external,
                               List<String> arguments) {

    /** A stack that is already running. */
    public record External(String catalogUrl, String citationUrl, String kafkaBootstrap, String adminJdbcUrl, Path jwtKeys) {
    }

    public static final String USAGE = """
            bench/run [--articles N] [--journals M] [--seed S] [--work DIR] [--out DIR]
                      [--freshness-seconds 30] [--freshness-max-rate 50] [--read-rate 50] [--read-seconds 15]
                      [--quality-sample 400] [--citation-instances 1] [--compare-instances]
                      [--catalog URL --citation URL --kafka BOOTSTRAP --jdbc ADMIN_JDBC_URL --jwt-keys DIR]""";

    public static BenchmarkOptions parse(String... args) {
        int articles = 20_000;
        int journals = 200;
        long seed = 42;
        Path work = Path.of("bench/work");
        Path out = Path.of("bench/results");
        double freshnessSeconds = 30;
        double freshnessMaxRate = 50;
        double readRate = 50;
        double readSeconds = 15;
        int qualitySample = 400;
        int citationInstances = 1;
        boolean compareInstances = false;
        String catalog = null;
        String citation = null;
        String kafka = null;
        String jdbc = null;
        Path jwtKeys = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (name.equals("--compare-instances")) {
                compareInstances = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--articles" -> articles = positive(name, Integer.parseInt(value));
                case "--journals" -> journals = positive(name, Integer.parseInt(value));
                case "--seed" -> seed = Long.parseLong(value);
                case "--work" -> work = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--freshness-seconds" -> freshnessSeconds = Double.parseDouble(value);
                case "--freshness-max-rate" -> freshnessMaxRate = Double.parseDouble(value);
                case "--read-rate" -> readRate = Double.parseDouble(value);
                case "--read-seconds" -> readSeconds = Double.parseDouble(value);
                case "--quality-sample" -> qualitySample = positive(name, Integer.parseInt(value));
                case "--citation-instances" -> citationInstances = positive(name, Integer.parseInt(value));
                case "--catalog" -> catalog = value;
                case "--citation" -> citation = value;
                case "--kafka" -> kafka = value;
                case "--jdbc" -> jdbc = value;
                case "--jwt-keys" -> jwtKeys = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        External external = null;
        if (catalog != null || citation != null || kafka != null || jdbc != null || jwtKeys != null) {
            if (catalog == null || citation == null || kafka == null || jdbc == null || jwtKeys == null) {
                throw new IllegalArgumentException("an external stack needs --catalog, --citation, --kafka, --jdbc and --jwt-keys\n" + USAGE);
            }
            external = new External(strip(catalog), strip(citation), kafka, jdbc, jwtKeys);
            // The benchmark can start, watch and measure only the instances it started itself.
            if (citationInstances > 1 || compareInstances) {
                throw new IllegalArgumentException("--citation-instances and --compare-instances need the embedded stack\n" + USAGE);
            }
        }
        if (compareInstances && citationInstances != 1) {
            throw new IllegalArgumentException("--compare-instances runs 1 and then 2 instances; leave --citation-instances out\n" + USAGE);
        }
        return new BenchmarkOptions(articles, journals, seed, work, out, seconds(freshnessSeconds), freshnessMaxRate, readRate,
                seconds(readSeconds), qualitySample, citationInstances, compareInstances, external,
                List.copyOf(new ArrayList<>(List.of(args))));
    }

    /** The same run with another number of citation-service instances (one leg of {@code --compare-instances}). */
    public BenchmarkOptions withCitationInstances(int instances) {
        List<String> legArguments = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--compare-instances")) {
                continue;
            }
            legArguments.add(arguments.get(i));
        }
        legArguments.add("--citation-instances");
        legArguments.add(String.valueOf(instances));
        return new BenchmarkOptions(articles, journals, seed, work, out, freshnessDuration, freshnessMaxRate, readRate, readDuration,
                qualitySample, instances, false, external, List.copyOf(legArguments));
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The command line that reproduces this run. */
    public String command() {
        return ("bench/run " + String.join(" ", arguments)).strip();
    }
}
