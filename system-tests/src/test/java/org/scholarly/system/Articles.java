package org.scholarly.system;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scholarly.contract.EventCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Article records in the catalog's native JSON form, for the system tests. */
final class Articles {

    /** 10.5555 is the prefix reserved for test DOIs; the seed page shows no DOI of its own. */
    static final String SEED_TEST_DOI_PREFIX = "10.5555/seed.";

    private Articles() {
    }

    /** The transcription of the seed page that ./stack loads. */
    static ObjectNode seed() {
        Path sample = Path.of(System.getProperty("repository.root", "..")).resolve("samples/kci-joongang-saron-2015-42-481.json");
        try {
            return (ObjectNode) EventCodec.mapper().readTree(Files.readString(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published article in a journal of its own, with a unique title and DOI. */
    static ObjectNode published(String title, int year) {
        ObjectNode article = EventCodec.mapper().createObjectNode();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        article.put("doi", "10.5555/system." + unique);
        article.putObject("titles").put("en", title + " " + unique);
        article.put("publicationYear", year);
        article.put("firstPage", "1");
        article.put("lastPage", "20");
        article.put("workflowStatus", "PUBLISHED");
        ObjectNode journal = article.putObject("journal");
        journal.putObject("titles").put("en", "Journal of System Tests").put("ko", "시스템시험연구");
        article.putObject("issue").put("year", year).put("number", "1");
        ArrayNode authors = article.putArray("authors");
        authors.addObject().putObject("names").put("en", "Kim Min-su").put("ko", "김민수");
        article.putArray("references");
        return article;
    }

    static ObjectNode citing(ObjectNode article, ObjectNode reference) {
        ((ArrayNode) article.get("references")).add(reference);
        return article;
    }
}
