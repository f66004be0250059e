package org.scholarly.citation.resolution;

import java.util.List;
import java.util.Set;

/**
 * The evidence one reference offers, in normal forms.
 *
 * @param structured  whether the evidence came from the structured fields (else from the raw string)
 * @param titleKeys   title keys: the structured title, or quoted and delimited segments of the raw string
 * @param quoted      whether {@code titleKeys} starts with a quoted title, which is then taken as the title
 * @param textKey     the key of the whole text, for finding a catalog title inside it
 * @param authorText  lower-case author text in which family names are looked up as words
 * @param authorKey   the author text as a key ({@link TextKeys#key}), in which Hangul names are looked up
 * @param pageRanges  first and last page pairs ({@code last} may be null)
 * @param numbers     volume and issue candidates
 * @param pageKeys    first-page candidates as the catalog stores them: page numbers, article numbers ("123456",
 *                    "e0123456") and supplement pages ("s184"), for the (volume, first page) look-up
 * @param words       the words in which a journal's name or abbreviation is looked for ({@link JournalWords})
 * @param pieces      the keys of a raw string's pieces between delimiters, in their order (none when structured):
 *                    a title that holds a comma or a colon is two of them ({@link LookupKeys})
 */
public record ParsedReference(
        boolean structured,
        String doi,
        List<String> titleKeys,
        boolean quoted,
        String textKey,
        String authorText,
        String authorKey,
        String containerKey,
        Set<Integer> years,
        List<PageRange> pageRanges,
        Set<String> numbers,
        Set<String> pageKeys,
        List<JournalWords.Word> words,
        List<String> pieces) {

    public record PageRange(int first, Integer last) {
    }

    public boolean hasEvidence() {
        return !titleKeys.isEmpty() || !textKey.isEmpty();
    }
}
