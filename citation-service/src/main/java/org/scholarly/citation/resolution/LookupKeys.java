package org.scholarly.citation.resolution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The exact keys on which references and catalog articles meet. Both sides compute them alike, so a reference finds
 * its candidates (and a newly arrived article finds the open references that may cite it) by equality look-ups
 * whose cost depends on the reference, never on the size of the catalog:
 * <ul>
 *   <li>the DOI;</li>
 *   <li>a title key, and for titles of at least {@value #MIN_SPLIT_TITLE} characters its first and its last half:
 *       a typo, a dropped or an added character lies in one half, and the other half still agrees. The catalog
 *       stores the halves at three lengths (one character shorter and longer), the reference asks for its own;</li>
 *   <li>year and first page; first page and volume (or issue), for references written without a title.</li>
 * </ul>
 * Keys are 64-bit hashes of their text, so that an index entry costs eight bytes; a collision only adds a candidate,
 * which the resolver's scoring then rejects.
 */
public final class LookupKeys {

    /** Below this a title half is too short to tell titles apart, and only the whole title is a key. */
    static final int MIN_SPLIT_TITLE = 20;
    /** Words of a reference's author text tried as names: the authors come first in every style. */
    static final int MAX_AUTHOR_WORDS = 12;
    /** Title keys asked for per reference: the longest pieces of a raw string, and adjacent pieces joined. */
    static final int MAX_REFERENCE_TITLES = 8;
    /**
     * (Year, first page) and (first page, volume) pairs per reference, each: a raw string offers every short number
     * in it; the page ranges come first.
     */
    static final int MAX_LOCATOR_PAIRS = 12;

    private LookupKeys() {
    }

    /** The DOI's key alone: what a reference with a DOI is looked up by first. */
    public static long doi(String normalisedDoi) {
        return hash("d", normalisedDoi);
    }

    /** What a catalog article is found by. */
    public static Set<Long> ofArticle(String doi, Integer year, String firstPage, String volume, String issue,
                                      Collection<String> titleKeys) {
        Set<Long> keys = new LinkedHashSet<>();
        if (doi != null) {
            keys.add(doi(doi));
        }
        for (String title : titleKeys) {
            if (title.length() < 4) {
                continue;
            }
            keys.add(hash("t", title));
            if (title.length() >= MIN_SPLIT_TITLE) {
                int half = title.length() / 2;
                for (int length = half - 1; length <= half + 1; length++) {
                    keys.add(hash("p", title.substring(0, length)));
                    keys.add(hash("s", title.substring(title.length() - length)));
                }
            }
        }
        if (firstPage != null) {
            if (year != null) {
                keys.add(hash("y", year + ":" + firstPage));
            }
            if (volume != null) {
                keys.add(hash("v", firstPage + ":" + volume));
            }
            if (issue != null) {
                keys.add(hash("v", firstPage + ":" + issue));
            }
        }
        return keys;
    }

    /** What a reference asks for, from its structured fields and its raw string together. */
    public static Set<Long> ofReference(String doi, ParsedReference structured, ParsedReference raw) {
        Set<Long> keys = new LinkedHashSet<>();
        if (doi != null) {
            keys.add(doi(doi));
        }
        for (ParsedReference parsed : raw == null ? List.of(structured) : List.of(structured, raw)) {
            for (String title : titles(parsed)) {
                keys.add(hash("t", title));
                if (title.length() >= MIN_SPLIT_TITLE) {
                    int half = title.length() / 2;
                    keys.add(hash("p", title.substring(0, half)));
                    keys.add(hash("s", title.substring(title.length() - half)));
                }
            }
            int pairs = 0;
            for (String page : parsed.pageKeys()) {
                for (Integer year : parsed.years()) {
                    if (pairs++ < MAX_LOCATOR_PAIRS) {
                        keys.add(hash("y", year + ":" + page));
                    }
                }
            }
            pairs = 0;
            for (String page : parsed.pageKeys()) {
                for (String volume : parsed.numbers()) {
                    if (pairs++ < MAX_LOCATOR_PAIRS) {
                        keys.add(hash("v", page + ":" + volume));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * An author's name and the year: the last resort of a reference that no other key finds (a title cited by its
     * first words only, a title mistranslated). Looked up only then, and only from the reference's side: the names
     * of a national catalog repeat too often for a newly arrived article to ask which open references name its
     * author and year.
     */
    public static Set<Long> authorYears(Collection<String> names, Integer year) {
        Set<Long> keys = new LinkedHashSet<>();
        if (year != null) {
            names.stream().filter(n -> n.length() >= 2).forEach(n -> keys.add(hash("a", n + ":" + year)));
        }
        return keys;
    }

    /** The words of a reference's author text (its whole text when raw, where the authors come first) by its years. */
    public static Set<Long> authorYearsOfReference(ParsedReference parsed) {
        Set<String> names = new LinkedHashSet<>();
        for (String word : parsed.authorText().split("[^\\p{L}]+")) {
            if (word.length() >= 2 && names.size() < MAX_AUTHOR_WORDS) {
                names.add(word);
            }
        }
        Set<Long> keys = new LinkedHashSet<>();
        parsed.years().stream().limit(2).forEach(year -> keys.addAll(authorYears(names, year)));
        return keys;
    }

    /**
     * The title keys a reference is looked up by: its title pieces, and for a raw string also two and three
     * adjacent pieces joined, since a title may itself hold a comma or a colon ("Memory, Politics: Korea").
     */
    static List<String> titles(ParsedReference parsed) {
        List<String> titles = new ArrayList<>(parsed.titleKeys().stream().limit(MAX_REFERENCE_TITLES).toList());
        List<String> pieces = parsed.pieces();
        for (int span = 2; span <= 3; span++) {
            for (int i = 0; i + span <= pieces.size(); i++) {
                String joined = String.join("", pieces.subList(i, i + span));
                if (joined.length() >= 8 && !titles.contains(joined)) {
                    titles.add(joined);
                }
            }
        }
        return titles.stream().filter(t -> t.length() >= 4).limit(2L * MAX_REFERENCE_TITLES).toList();
    }

    /** FNV-1a over the UTF-8 bytes of "kind:text", then a 64-bit finaliser so that close texts spread apart. */
    static long hash(String kind, String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (kind + ":" + text).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
