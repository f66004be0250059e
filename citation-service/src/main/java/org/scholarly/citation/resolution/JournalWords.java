package org.scholarly.citation.resolution;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Journal titles as their significant words, and whether a reference names a journal by its full title or by an
 * abbreviation of it ("Phys. Rev. Lett.", "J Am Chem Soc", "Resour. Conserv. Recycl.").
 *
 * <p>ISO 4 abbreviates a title word by word, keeping the words in order and dropping articles, prepositions and
 * conjunctions; so does almost every journal's house style. A reference therefore names a catalog journal when a run
 * of its words, stop words skipped, matches the title's significant words one for one, each reference word being the
 * title word, a prefix of it ("Phys" for "Physical") or a contraction keeping its first letter ("Natl" for
 * "National"). Nothing here keeps a list of journals: the keys come from the catalog's own titles. The check only
 * verifies candidates found by exact (volume, first page) keys; it never searches.
 *
 * <p>Everything is a single pass over characters or words: no regular expressions.
 */
public final class JournalWords {

    /** Words ISO 4 drops and house styles omit. Not "a" ("J. Phys. A") and not "am" ("J. Am. Chem. Soc."). */
    static final Set<String> STOP_WORDS = Set.of("of", "the", "and", "for", "on", "in", "an", "de", "der", "die", "das",
            "des", "und", "fur", "fuer", "la", "le", "les", "et", "du", "di", "del", "della", "y");
    /** Words that may follow a journal's name in a reference without being part of it. */
    static final Set<String> LOCATOR_WORDS = Set.of("vol", "volume", "no", "nr", "issue", "pp", "p", "suppl",
            "supplement", "art", "article", "n", "bd", "heft", "s", "in", "online", "권", "호", "집");
    /** Abbreviations of this length or more may contract a word ("natl"); shorter ones must be its prefix. */
    private static final int MIN_CONTRACTION = 3;

    /** One word of a reference, with the last non-space character between it and the word before (0 if none). */
    public record Word(String text, char separatorBefore) {

        boolean startsWithDigit() {
            return Character.isDigit(text.charAt(0));
        }

        boolean latin() {
            return text.chars().allMatch(c -> c < 0x250 && Character.isLetter(c));
        }
    }

    private JournalWords() {
    }

    /** A catalog journal title as its significant words joined by single spaces: "physical review letters". */
    public static String significant(String title) {
        List<String> kept = new ArrayList<>();
        for (Word word : words(title)) {
            if (!STOP_WORDS.contains(word.text())) {
                kept.add(word.text());
            }
        }
        return String.join(" ", kept);
    }

    /** The words of a text: runs of letters and digits, lower-cased, diacritics removed ("für" is "fur"). */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String folded = fold(text);
        StringBuilder current = new StringBuilder();
        char separator = 0;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                current.appendCodePoint(cp);
            } else {
                if (!current.isEmpty()) {
                    words.add(new Word(current.toString(), separator));
                    current.setLength(0);
                    separator = 0;
                }
                if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp < 0x10000) {
                    separator = (char) cp;
                }
            }
            i += Character.charCount(cp);
        }
        if (!current.isEmpty()) {
            words.add(new Word(current.toString(), separator));
        }
        return words;
    }

    /**
     * Whether {@code reference} names the journal whose significant words are {@code title} (as {@link #significant}
     * gives them): a run of reference words, stop words skipped, matches every title word in order; the run starts
     * the text or follows punctuation, and ends the text or is followed by a number, a locator word ("vol", "pp")
     * or punctuation other than an abbreviation's full stop, so that "Phys. Rev." does not name "Physical Review
     * Letters" and "Phys. Rev. Lett." does not name "Physical Review".
     */
    public static boolean names(List<Word> reference, String title) {
        if (title == null || title.isEmpty() || reference.isEmpty()) {
            return false;
        }
        String[] titleWords = title.split(" ");
        for (int start = 0; start < reference.size(); start++) {
            if (!STOP_WORDS.contains(reference.get(start).text()) && startsRun(reference, start)
                    && matchesFrom(reference, start, titleWords)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesFrom(List<Word> reference, int start, String[] titleWords) {
        int i = start;
        int strong = 0;
        for (String titleWord : titleWords) {
            while (i < reference.size() && i > start && STOP_WORDS.contains(reference.get(i).text())) {
                i++;
            }
            if (i >= reference.size()) {
                return false;
            }
            String word = reference.get(i).text();
            if (word.equals(titleWord)) {
                strong++;
            } else if (titleWords.length == 1 || !abbreviates(word, titleWord)) {
                return false;
            } else if (word.length() >= MIN_CONTRACTION) {
                strong++;
            }
            i++;
        }
        // Initials alone ("P. R. L.") are too weak: at least half the words must be more than a letter or two.
        return 2 * strong >= titleWords.length && endsRun(reference, i);
    }

    /** "phys" abbreviates "physical" (prefix); "natl" abbreviates "national" (a contraction keeping the first letter). */
    static boolean abbreviates(String word, String titleWord) {
        if (word.isEmpty() || word.length() >= titleWord.length() || !isLatinLetters(word)) {
            return false;
        }
        if (titleWord.startsWith(word)) {
            return true;
        }
        if (word.length() < MIN_CONTRACTION || word.charAt(0) != titleWord.charAt(0)) {
            return false;
        }
        int j = 1;
        for (int k = 1; k < titleWord.length() && j < word.length(); k++) {
            if (titleWord.charAt(k) == word.charAt(j)) {
                j++;
            }
        }
        return j == word.length();
    }

    private static boolean startsRun(List<Word> reference, int start) {
        int i = start;
        // "The Lancet": stop words just before the run belong to it.
        while (i > 0 && reference.get(i).separatorBefore() == 0 && STOP_WORDS.contains(reference.get(i - 1).text())) {
            i--;
        }
        return i == 0 || reference.get(i).separatorBefore() != 0 || reference.get(i - 1).startsWithDigit();
    }

    private static boolean endsRun(List<Word> reference, int next) {
        if (next >= reference.size()) {
            return true;
        }
        Word word = reference.get(next);
        if (word.startsWithDigit() || LOCATOR_WORDS.contains(word.text())) {
            return true;
        }
        char separator = word.separatorBefore();
        return separator != 0 && separator != '.';
    }

    private static boolean isLatinLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x250 || !Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }

    /** NFKC, lower case, and Latin diacritics removed; Hangul is recomposed as it was. */
    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                kept.append(c);
            }
        }
        return Normalizer.normalize(kept, Normalizer.Form.NFC);
    }
}
