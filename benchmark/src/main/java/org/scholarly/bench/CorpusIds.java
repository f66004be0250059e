package org.scholarly.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The catalog's ids of the corpus articles, read from the public listing: corpus index ↔ article id. Indexes come
 * from the DOI the generator gave each article ({@code 10.5555/bench.<seed>.<index>}).
 */
public final class CorpusIds {

    private final String doiPrefix;
    private final UUID[] byIndex;
    private final Map<UUID, Integer> byId = new HashMap<>();

    public CorpusIds(long seed, int size) {
        this.doiPrefix = "10.5555/bench." + seed + ".";
        this.byIndex = new UUID[size];
    }

    public static CorpusIds load(Settling listing, String catalogUrl, long seed, int size) {
        CorpusIds ids = new CorpusIds(seed, size);
        listing.listAll(catalogUrl + "/api/v1/articles", item -> item).forEach(ids::add);
        return ids;
    }

    void add(JsonNode article) {
        int index = index(article.path("doi").asText(""));
        if (index >= 0) {
            UUID id = UUID.fromString(article.path("id").asText());
            byIndex[index] = id;
            byId.put(id, index);
        }
    }

    /** The corpus index a DOI names, or -1 for any other DOI. */
    public int index(String doi) {
        String lower = doi.toLowerCase();
        if (!lower.startsWith(doiPrefix)) {
            return -1;
        }
        try {
            int index = Integer.parseInt(lower.substring(doiPrefix.length()));
            return index < byIndex.length ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public UUID id(int index) {
        return byIndex[index];
    }

    /** The corpus index of an article id, or null if the listing did not show it as a corpus article. */
    public Integer index(UUID id) {
        return byId.get(id);
    }

    /** A random corpus index that the catalog holds (found() must be positive). */
    public int randomPresent(Random random) {
        while (true) {
            int index = random.nextInt(byIndex.length);
            if (byIndex[index] != null) {
                return index;
            }
        }
    }

    public int found() {
        return byId.size();
    }

    public int size() {
        return byIndex.length;
    }
}
