package org.scholarly.catalog.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Native ingestion records for tests, each with identifiers of its own so tests never collide. */
public final class Records {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Path SEED = Path.of("..", "samples", "kci-joongang-saron-2015-42-481.json");

    private Records() {
    }

    public static String seed() {
        try {
            return Files.readString(SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String uniqueDoi() {
        return "10.5555/test." + UUID.randomUUID();
    }

    /** A published article with a unique DOI, a Korean and an English title, and two references. */
    public static ObjectNode article(String doi) {
        ObjectNode record = JSON.createObjectNode();
        record.putObject("titles").put("ko", "중소관계와 한국전쟁 " + doi).put("en", "The Sino-Soviet Relation " + doi);
        record.putObject("abstracts").put("en", "An abstract about the Korean War.");
        record.put("publicationYear", 2015).put("firstPage", "481").put("lastPage", "512").put("doi", doi).put("language", "ko");
        record.put("workflowStatus", "PUBLISHED");
        ObjectNode journal = record.putObject("journal");
        journal.putObject("titles").put("ko", "중앙사론").put("en", "Chung-Ang Saron");
        journal.put("accreditation", "ACCREDITED");
        record.putObject("issue").put("year", 2015).put("number", "42");
        ObjectNode author = record.putArray("authors").addObject();
        author.putObject("names").put("ko", "안치영").put("en", "Ahn Chi-Young");
        author.putArray("roles").add("FIRST");
        ArrayNode references = record.putArray("references");
        references.addObject().put("raw", "Shen Zhihua, Mao, Stalin and the Korean War, 2012");
        references.addObject().put("title", "The Cold War").put("year", 2005).put("doi", "10.1000/cold." + doi.hashCode());
        return record;
    }

    public static String json(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
