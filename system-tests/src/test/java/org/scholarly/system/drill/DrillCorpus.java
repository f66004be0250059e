package org.scholarly.system.drill;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scholarly.contract.EventCodec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Articles for one drill, all in a journal of their own, citing each other by DOI so that the exact cited-by count
 * of every article is known in advance: article k cites k-1 and k/2 (when they are earlier articles).
 */
final class DrillCorpus {

    final String journalTitle;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final int size;
    private final boolean submissions;

    DrillCorpus(String drill, int size) {
        this(drill, size, false);
    }

    /** With {@code submissions}, the articles are new submissions without references: nothing is cited. */
    DrillCorpus(String drill, int size, boolean submissions) {
        this.journalTitle = "Drill " + drill + " " + tag;
        this.size = size;
        this.submissions = submissions;
    }

    /** A title only this drill's first article has, to find it (and its journal) by search. */
    String firstTitle() {
        return "Drill article 0 of " + tag;
    }

    int size() {
        return size;
    }

    String doi(int k) {
        return "10.5555/drill." + tag + "." + k;
    }

    ObjectNode article(int k) {
        ObjectNode article = EventCodec.mapper().createObjectNode();
        article.put("doi", doi(k));
        article.putObject("titles").put("en", "Drill article " + k + " of " + tag).put("ko", "훈련 논문 " + k);
        article.put("publicationYear", 2000 + k % 25);
        article.put("firstPage", String.valueOf(1 + k % 300));
        article.put("workflowStatus", submissions ? "SUBMITTED" : "PUBLISHED");
        article.putObject("journal").putObject("titles").put("en", journalTitle);
        article.putObject("issue").put("year", 2000 + k % 25).put("number", "1");
        article.putArray("authors").addObject().putObject("names").put("en", "Drill Author").put("ko", "훈련");
        ArrayNode references = article.putArray("references");
        for (int target : targetsOf(k)) {
            references.addObject().put("doi", doi(target));
        }
        return article;
    }

    String ndjson(int from, int to) {
        StringBuilder lines = new StringBuilder();
        for (int k = from; k < to; k++) {
            lines.append(article(k)).append('\n');
        }
        return lines.toString();
    }

    /** Expected cited-by count per article index, when articles [0, published) exist. */
    Map<Integer, Long> expectedCounts(int published) {
        Map<Integer, Long> counts = new HashMap<>();
        for (int k = 0; k < published; k++) {
            for (int target : targetsOf(k)) {
                counts.merge(target, 1L, Long::sum);
            }
        }
        return counts;
    }

    int indexOf(String doi) {
        return Integer.parseInt(doi.substring(doi.lastIndexOf('.') + 1));
    }

    private List<Integer> targetsOf(int k) {
        List<Integer> targets = new ArrayList<>();
        if (submissions) {
            return targets;
        }
        if (k >= 1) {
            targets.add(k - 1);
        }
        if (k >= 4 && k / 2 != k - 1) {
            targets.add(k / 2);
        }
        return targets;
    }
}
