package org.scholarly.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Title words of one language, synthesised from the seed and drawn with a Zipf-like frequency: rank r has weight
 * 1/r^s. Real titles share a few very common words and a long tail of rare ones; a title search that is fast on a
 * hundred words repeated everywhere tells nothing about a catalog, nor does one on words that never repeat.
 *
 * <p>Nothing is downloaded: English-like words are strung from syllables, Korean words from Hangul syllable blocks.
 * Short words get the low ranks, as in real text. About 24,000 words and a cumulative weight table: a few hundred KB.
 */
public final class Vocabulary {

    public static final int SIZE = 24_000;
    public static final double EXPONENT = 1.05;

    private static final String[] ONSETS = {"", "", "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w",
            "br", "cl", "cr", "dr", "fr", "gr", "pl", "pr", "st", "str", "tr", "th", "sh", "ch", "sp", "sc", "qu"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "io", "ia", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "ng", "ct", "rt", "nt", "rm"};

    // Hangul syllable = 0xAC00 + (initial * 21 + medial) * 28 + final (Unicode 3.12). Common jamo only, so words read
    // like Korean: all 19 initials, the frequent vowels, and no final or one of the frequent finals.
    private static final int[] MEDIALS = {0, 1, 4, 6, 8, 12, 13, 17, 18, 20, 5, 9, 14};
    private static final int[] FINALS = {0, 0, 0, 1, 4, 8, 16, 17, 21};

    private final String[] words;
    private final double[] cumulative;

    private Vocabulary(String[] words) {
        this.words = words;
        this.cumulative = new double[words.length];
        double sum = 0;
        for (int rank = 1; rank <= words.length; rank++) {
            sum += 1 / Math.pow(rank, EXPONENT);
            cumulative[rank - 1] = sum;
        }
    }

    public static Vocabulary english(long seed) {
        Random random = new Random(seed * 53 + 11);
        return new Vocabulary(synthesise(rank -> {
            StringBuilder word = new StringBuilder();
            for (int s = syllables(rank, random); s > 0; s--) {
                word.append(pick(ONSETS, random)).append(pick(VOWELS, random)).append(pick(CODAS, random));
            }
            return word.length() < 2 ? null : word.toString();
        }));
    }

    public static Vocabulary korean(long seed) {
        Random random = new Random(seed * 59 + 13);
        return new Vocabulary(synthesise(rank -> {
            StringBuilder word = new StringBuilder();
            for (int s = Math.max(2, syllables(rank, random)); s > 0; s--) {
                int initial = random.nextInt(19);
                int medial = MEDIALS[random.nextInt(MEDIALS.length)];
                int last = FINALS[random.nextInt(FINALS.length)];
                word.append((char) (0xAC00 + (initial * 21 + medial) * 28 + last));
            }
            return word.toString();
        }));
    }

    /** A word with Zipf-like probability. */
    public String draw(Random random) {
        double point = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, point);
        return words[found >= 0 ? found : Math.min(-found - 1, words.length - 1)];
    }

    /** The word of a rank, 1 being the most frequent. */
    public String word(int rank) {
        return words[rank - 1];
    }

    public int size() {
        return words.length;
    }

    private interface WordMaker {
        String make(int rank);
    }

    private static String[] synthesise(WordMaker maker) {
        String[] words = new String[SIZE];
        Set<String> seen = new HashSet<>(SIZE * 2);
        for (int rank = 1; rank <= SIZE; ) {
            String word = maker.make(rank);
            if (word != null && seen.add(word)) {
                words[rank - 1] = word;
                rank++;
            }
        }
        return words;
    }

    /** Frequent words are short: one or two syllables at the top, up to four in the tail. */
    private static int syllables(int rank, Random random) {
        if (rank <= 300) {
            return 1 + random.nextInt(2);
        }
        return rank <= 5_000 ? 2 + random.nextInt(2) : 2 + random.nextInt(3);
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }
}
