package org.scholarly.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Renders the corpus to files before anything is timed, so that generating it costs neither the pipeline nor
 * the baselines: the NDJSON the pipeline ingests, the COPY text of the same rows, and the ground truth.
 */
public record CorpusFiles(Path ndjson, Path copyArticles, Path copyReferences, Path truth, long articles, long references,
                          long ndjsonBytes) {

    public static CorpusFiles write(CorpusGenerator corpus, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path ndjson = directory.resolve("corpus.ndjson");
        Path copyArticles = directory.resolve("copy-articles.tsv");
        Path copyReferences = directory.resolve("copy-references.tsv");
        Path truth = directory.resolve("truth.tsv");
        long references = 0;
        try (BufferedWriter json = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8);
             BufferedWriter articles = Files.newBufferedWriter(copyArticles, StandardCharsets.UTF_8);
             BufferedWriter refs = Files.newBufferedWriter(copyReferences, StandardCharsets.UTF_8);
             BufferedWriter truths = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            truths.write("article\tposition\tkind\ttarget\tnoise\n");
            for (int i = 0; i < corpus.size(); i++) {
                CorpusGenerator.Article article = corpus.article(i);
                ObjectNode node = article.json();
                String line = node.toString();
                json.write(line);
                json.write('\n');
                UUID id = UUID.nameUUIDFromBytes(article.doi().getBytes(StandardCharsets.UTF_8));
                articles.write(id + "\t" + escape(article.doi()) + "\t" + escape(node.path("titles").path("en").asText())
                        + "\t" + escape(node.path("titles").path("ko").asText()) + "\t" + node.path("publicationYear").asInt()
                        + "\t" + escape(node.path("firstPage").asText()) + "\t" + escape(node.path("lastPage").asText())
                        + "\t" + escape(line) + "\n");
                int position = 0;
                for (JsonNode ref : node.path("references")) {
                    position++;
                    references++;
                    refs.write(id + "\t" + position + "\t" + escape(ref.path("doi").asText(null)) + "\t"
                            + escape(ref.path("title").asText(null)) + "\t" + escape(ref.path("raw").asText(null)) + "\n");
                }
                for (CorpusGenerator.Truth t : article.truth()) {
                    truths.write(i + "\t" + t.position() + "\t" + t.kind() + "\t" + t.target() + "\t" + t.noise() + "\n");
                }
            }
        }
        return new CorpusFiles(ndjson, copyArticles, copyReferences, truth, corpus.size(), references, Files.size(ndjson));
    }

    private static String escape(String value) {
        if (value == null) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
