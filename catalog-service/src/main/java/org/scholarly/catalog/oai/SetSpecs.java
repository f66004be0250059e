package org.scholarly.catalog.oai;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The two set families: {@code journal:<journal id>} and {@code area:<level>:<level>...} from a journal's research
 * area ("Humanities > History" is {@code area:humanities:history}). A setSpec may only hold unreserved URI
 * characters, so a level keeps ASCII letters and digits, joins words with '-', and spells any other letter (Hangul,
 * for instance) as {@code ~<hex code point>.}: every area keeps a spec of its own and the spec reads back to it.
 */
final class SetSpecs {

    static final String JOURNAL = "journal:";
    static final String AREA = "area:";

    private SetSpecs() {
    }

    static String journal(UUID journalId) {
        return JOURNAL + journalId;
    }

    /** The spec of a research area and of each of its ancestors, the most general first; empty without an area. */
    static List<String> areaHierarchy(String researchArea) {
        List<String> specs = new ArrayList<>();
        if (researchArea == null) {
            return specs;
        }
        StringBuilder spec = new StringBuilder("area");
        for (String level : researchArea.split(">")) {
            String slug = slug(level);
            if (!slug.isEmpty()) {
                spec.append(':').append(slug);
                specs.add(spec.toString());
            }
        }
        return specs;
    }

    /** The names of a research area's levels, the most general first, trimmed. */
    static List<String> areaLevels(String researchArea) {
        List<String> levels = new ArrayList<>();
        for (String level : researchArea.split(">")) {
            if (!slug(level).isEmpty()) {
                levels.add(level.strip());
            }
        }
        return levels;
    }

    private static String slug(String level) {
        String text = Normalizer.normalize(level.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetterOrDigit(c)) {
                gap = slug.length() > 0;
                continue;
            }
            if (gap) {
                slug.append('-');
                gap = false;
            }
            if (c < 128) {
                slug.append((char) c);
            } else {
                slug.append('~').append(Integer.toHexString(c)).append('.');
            }
        }
        return slug.toString();
    }
}
