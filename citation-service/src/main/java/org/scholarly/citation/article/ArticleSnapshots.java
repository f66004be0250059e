package org.scholarly.citation.article;

import org.scholarly.support.text.Hangul;
import org.scholarly.support.text.Dois;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.scholarly.citation.resolution.JournalWords;
import org.scholarly.citation.resolution.TextKeys;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.EventCodec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns a catalog snapshot into the read-model row, keeping the status fields the service owns. */
public final class ArticleSnapshots {

    private ArticleSnapshots() {
    }

    public static ArticleRow toRow(ArticleEventData data, ArticleRow previous) {
        ArticleEventData.Issue issue = data.issue();
        Integer year = data.publicationYear() != null ? data.publicationYear() : issue == null ? null : issue.year();
        List<String> titleKeys = keys(data.titles());
        List<String> containerKeys = data.journal() == null ? List.of() : keys(data.journal().titles());
        List<String> containerWords = data.journal() == null ? List.of() : significantWords(data.journal().titles());
        Set<String> latin = new LinkedHashSet<>();
        Set<String> hangul = new LinkedHashSet<>();
        Set<String> hangulFamily = new LinkedHashSet<>();
        for (ArticleEventData.Author author : data.authors() == null ? List.<ArticleEventData.Author>of() : data.authors()) {
            List<String> families = author.familyNames() == null ? List.of() : author.familyNames();
            for (String family : families) {
                String trimmed = family.trim();
                if (Hangul.isHangul(trimmed)) {
                    hangulFamily.add(trimmed);
                } else if (!trimmed.isEmpty()) {
                    latin.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
            for (String name : author.names() == null ? List.<String>of() : author.names().values()) {
                String compact = name.replaceAll("\\s+", "");
                if (Hangul.isHangul(compact)) {
                    hangul.add(compact);
                    if (families.isEmpty() && compact.length() >= 2 && compact.length() <= 4) {
                        hangulFamily.add(compact.substring(0, 1));
                    }
                } else if (families.isEmpty()) {
                    // No family name given: either end of a romanised name may be it ("Ahn Chi-Young", "Chi-Young Ahn").
                    String[] parts = name.trim().toLowerCase(Locale.ROOT).replace(",", " ").split("\\s+");
                    if (parts.length > 1) {
                        latin.add(parts[0]);
                        latin.add(parts[parts.length - 1]);
                    }
                }
            }
        }
        return new ArticleRow(data.articleId(), data.version(), data.workflowStatus(), data.deleted(),
                Dois.find(data.doi()), year, data.journal() == null ? null : data.journal().id(),
                issue == null ? null : TextKeys.number(issue.volume()), issue == null ? null : TextKeys.number(issue.number()),
                TextKeys.number(data.firstPage()), TextKeys.number(data.lastPage()),
                json(data.titles() == null ? Map.of() : new TreeMap<>(data.titles())), titleKeys, containerKeys, containerWords,
                List.copyOf(latin), List.copyOf(hangul), List.copyOf(hangulFamily),
                referencesHash(data.references()),
                previous == null ? "NOT_SUPPLIED" : previous.referenceStatus(),
                previous == null ? null : previous.statusNotice(),
                previous == null ? null : previous.statusBuildId(),
                previous == null ? 0 : previous.statusSequence(),
                previous == null ? 0 : previous.referenceCount(),
                previous == null ? 0 : previous.resolvedCount(),
                previous == null ? null : previous.builtAt());
    }

    /** Equal hashes mean an identical reference list, whose resolutions can then stay as they are. */
    public static String referencesHash(List<ArticleEventData.Reference> references) {
        try {
            byte[] json = EventCodec.mapper().writeValueAsBytes(references == null ? List.of() : references);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keys(Map<String, String> titles) {
        List<String> keys = new ArrayList<>();
        if (titles != null) {
            new TreeMap<>(titles).values().stream().map(TextKeys::key).filter(k -> !k.isEmpty())
                    .filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        return keys;
    }

    /** Each journal title as its significant words, for matching abbreviated journal names (JournalWords). */
    private static List<String> significantWords(Map<String, String> titles) {
        List<String> words = new ArrayList<>();
        if (titles != null) {
            new TreeMap<>(titles).values().stream().map(JournalWords::significant).filter(w -> !w.isEmpty())
                    .filter(w -> !words.contains(w)).forEach(words::add);
        }
        return words;
    }

    private static String json(Object value) {
        try {
            return new String(EventCodec.mapper().writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
