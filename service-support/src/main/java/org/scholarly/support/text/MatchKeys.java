package org.scholarly.support.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normal form in which titles and names are compared, by the catalog when it matches journals and
 * articles and by the citation-service when it matches references to them: both must reduce text alike.
 */
public final class MatchKeys {

    private MatchKeys() {
    }

    /**
     * Letters and digits only, NFKC-folded and lower-cased: "Chung-Ang  Saron" and "chung ang saron" match, and so do
     * Korean titles cited with and without spaces between nouns ("중소관계" / "중소 관계").
     */
    public static String matchKey(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
