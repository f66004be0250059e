package org.scholarly.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The ways real reference lists differ from the record they cite: a mistyped title, a missing year, pages or volume,
 * an abbreviated journal name, authors as initials. One noisy reference carries exactly one of them, so a miss can be
 * put down to its cause.
 */
public final class ReferenceNoise {

    public enum Noise { NONE, TITLE_TYPO, NO_YEAR, NO_PAGES, NO_VOLUME, ABBREVIATED_JOURNAL, AUTHOR_INITIALS }

    /** The noises, NONE aside, in a fixed order: drawn uniformly. */
    static final Noise[] KINDS = {Noise.TITLE_TYPO, Noise.NO_YEAR, Noise.NO_PAGES, Noise.NO_VOLUME, Noise.ABBREVIATED_JOURNAL,
            Noise.AUTHOR_INITIALS};

    private static final Set<String> STOP_WORDS = Set.of("of", "the", "and", "in", "on", "for", "a", "an", "to", "&");
    // ISO 4 (LTWA) forms of the words whose abbreviation the cut-before-a-vowel rule would get wrong.
    private static final Map<String, String> LTWA = Map.of("journal", "J.", "korean", "Korean", "review", "Rev.",
            "international", "Int.", "quarterly", "Q.", "bulletin", "Bull.", "studies", "Stud.", "research", "Res.");

    private ReferenceNoise() {
    }

    /**
     * A transposed, dropped or doubled letter in one or two words of the title (Hangul: syllable). Words shorter than
     * three letters and numbers are left alone: nobody misspells "of" or a year in a way a reader would not see.
     */
    public static String typo(String title, Random random) {
        String[] words = title.split(" ");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].codePoints().allMatch(Character::isLetter) && words[i].length() >= (isHangul(words[i]) ? 2 : 3)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return title + title.charAt(title.length() - 1);
        }
        int typos = Math.min(candidates.size(), 1 + random.nextInt(2));
        for (int t = 0; t < typos; t++) {
            int index = candidates.remove(random.nextInt(candidates.size()));
            words[index] = misspell(words[index], random);
        }
        return String.join(" ", words);
    }

    static String misspell(String word, Random random) {
        int at = random.nextInt(word.length() - 1);
        StringBuilder out = new StringBuilder(word);
        switch (random.nextInt(3)) {
            case 0 -> {
                if (word.charAt(at) == word.charAt(at + 1)) {
                    out.deleteCharAt(at); // transposing two equal letters changes nothing: drop one instead
                } else {
                    out.setCharAt(at, word.charAt(at + 1));
                    out.setCharAt(at + 1, word.charAt(at));
                }
            }
            case 1 -> out.deleteCharAt(at + 1);
            default -> out.insert(at, word.charAt(at));
        }
        return out.toString();
    }

    /**
     * ISO 4 style: stop words dropped, significant words of more than five letters cut before a vowel with a full stop
     * ("History" → "Hist.", "Economy" → "Econ."), short words and numbers kept.
     * "Journal of Korean History Studies" → "J. Korean Hist. Stud.".
     */
    public static String abbreviateJournal(String title) {
        List<String> out = new ArrayList<>();
        for (String word : title.split(" ")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (STOP_WORDS.contains(lower)) {
                continue;
            }
            out.add(LTWA.getOrDefault(lower, abbreviateWord(word)));
        }
        return String.join(" ", out);
    }

    static String abbreviateWord(String word) {
        if (word.length() <= 5 || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        for (int i = 4; i < word.length() - 1; i++) {
            if (isVowel(word.charAt(i)) && !isVowel(word.charAt(i - 1))) {
                return word.substring(0, i) + ".";
            }
        }
        return word;
    }

    /** "Min-su" → "M.-S.", "Jiyoung" → "J.". */
    public static String initials(String given) {
        StringBuilder out = new StringBuilder();
        for (String part : given.split("-")) {
            out.append(out.length() > 0 ? "-" : "").append(Character.toUpperCase(part.charAt(0))).append('.');
        }
        return out.toString();
    }

    /** Vancouver style: "Min-su" → "MS". */
    public static String bareInitials(String given) {
        StringBuilder out = new StringBuilder();
        for (String part : given.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0)));
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return "aeiouyAEIOUY".indexOf(c) >= 0;
    }

    private static boolean isHangul(String word) {
        return word.chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }
}
