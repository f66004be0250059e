package org.scholarly.support.text;

/**
 * The two questions the services ask about Korean text, answered alike everywhere: by Unicode script, so that
 * syllable blocks, jamo and compatibility jamo all count, and spaces, digits and punctuation never decide.
 */
public final class Hangul {

    private Hangul() {
    }

    /** Whether the text has any Hangul letter: a title with one is taken as Korean, English terms in it or not. */
    public static boolean contains(String text) {
        return text != null && text.codePoints().anyMatch(Hangul::isHangulLetter);
    }

    /**
     * Whether the text is written in Hangul: it has letters and every letter is Hangul ("김철수", "중소 관계"), as a
     * Korean name is; "Kim 철수" or "COVID-19 이후" is not.
     */
    public static boolean isHangul(String text) {
        if (text == null) {
            return false;
        }
        boolean letters = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                if (!isHangulLetter(c)) {
                    return false;
                }
                letters = true;
            }
        }
        return letters;
    }

    private static boolean isHangulLetter(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
    }
}
