package org.scholarly.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Compares how the citation-service resolved the references of a sample of citing articles with the ground truth
 * ({@code truth.tsv}). Link targets are mapped back to corpus indexes through the catalog's DOIs.
 */
public final class ResolutionQuality {

    /** {@code absent}: sampled articles the catalog does not list (rejected at ingestion), left out of the score. */
    public record Result(int articles, int absent, LinkScore score) {
    }

    private final Api api;
    private final Platform platform;
    private final CorpusIds ids;
    private final Map<UUID, Integer> outsideCorpus = new HashMap<>();

    public ResolutionQuality(Api api, Platform platform, CorpusIds ids) {
        this.api = api;
        this.platform = platform;
        this.ids = ids;
    }

    public Result measure(Path truthFile, int sampleSize, long seed) throws IOException {
        TreeSet<Integer> sample = sample(ids.size(), sampleSize, seed);
        Map<Integer, Map<Integer, String[]>> truth = readTruth(truthFile, sample);
        LinkScore score = new LinkScore();
        int absent = 0;
        for (int article : sample) {
            if (ids.id(article) == null) {
                absent++;
                continue;
            }
            JsonNode page = api.get(platform.citationUrl() + "/api/v1/citations/articles/" + ids.id(article) + "/references?limit=100");
            Map<Integer, Integer> linkedAt = new HashMap<>();
            for (JsonNode reference : page.path("items")) {
                JsonNode resolution = reference.path("resolution");
                if ("RESOLVED".equals(resolution.path("status").asText()) && resolution.hasNonNull("targetArticleId")) {
                    linkedAt.put(reference.path("position").asInt(), indexOf(UUID.fromString(resolution.get("targetArticleId").asText())));
                }
            }
            // Every reference the corpus wrote counts, also one the service did not store (as not linked).
            for (String[] row : truth.getOrDefault(article, Map.of()).values()) {
                score.add(CorpusGenerator.Kind.valueOf(row[2]), row.length > 4 ? ReferenceNoise.Noise.valueOf(row[4]) : ReferenceNoise.Noise.NONE, Integer.parseInt(row[3]),
                        linkedAt.get(Integer.parseInt(row[1])));
            }
        }
        return new Result(sample.size() - absent, absent, score);
    }

    /** Citing articles: never article 0, which cites nothing in the corpus by construction. */
    static TreeSet<Integer> sample(int size, int sampleSize, long seed) {
        Random random = new Random(seed + 3);
        TreeSet<Integer> sample = new TreeSet<>();
        int wanted = Math.min(sampleSize, size - 1);
        while (sample.size() < wanted) {
            sample.add(1 + random.nextInt(size - 1));
        }
        return sample;
    }

    /** article → position → row (article, position, kind, target, noise), for the sampled articles only. */
    static Map<Integer, Map<Integer, String[]>> readTruth(Path file, TreeSet<Integer> sample) throws IOException {
        Map<Integer, Map<Integer, String[]>> truth = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = lines.readLine();
            while ((line = lines.readLine()) != null) {
                String[] row = line.split("\t");
                int article = Integer.parseInt(row[0]);
                if (sample.contains(article)) {
                    truth.computeIfAbsent(article, a -> new HashMap<>()).put(Integer.parseInt(row[1]), row);
                }
            }
        }
        return truth;
    }

    private int indexOf(UUID target) {
        Integer known = ids.index(target);
        if (known != null) {
            return known;
        }
        return outsideCorpus.computeIfAbsent(target, id -> {
            int index = ids.index(api.get(platform.catalogUrl() + "/api/v1/articles/" + id).path("doi").asText(""));
            return index >= 0 ? index : LinkScore.OUTSIDE;
        });
    }
}
