package org.scholarly.citation.resolution;

import org.scholarly.support.text.Dois;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceParserTest {

    @Test
    void readsAKciStyleKoreanReference() {
        ParsedReference ref = ReferenceParser.raw("안치영, 「중소관계와 한국전쟁」, 『중앙사론』 42, 2015, 481-512쪽.");

        assertThat(ref.titleKeys()).first().isEqualTo("중소관계와한국전쟁");
        assertThat(ref.quoted()).isTrue();
        assertThat(ref.containerKey()).isEqualTo("중앙사론");
        assertThat(ref.years()).containsExactly(2015);
        assertThat(ref.pageRanges()).containsExactly(new ParsedReference.PageRange(481, 512));
        assertThat(ref.numbers()).contains("42");
    }

    @Test
    void readsAnApaReferenceAndExpandsAbbreviatedPageRanges() {
        ParsedReference ref = ReferenceParser.raw("Stueck, W. (2004). The Korean War and the transformation of the Cold War. Diplomatic History, 28(5), 667-95.");

        assertThat(ref.titleKeys()).contains("thekoreanwarandthetransformationofthecoldwar");
        assertThat(ref.years()).containsExactly(2004);
        assertThat(ref.pageRanges()).containsExactly(new ParsedReference.PageRange(667, 695));
        assertThat(ref.numbers()).contains("28", "5");
    }

    @Test
    void doesNotTakeAPeriodOfYearsForPages() {
        ParsedReference ref = ReferenceParser.raw("Lankov, A. (2002). From Stalin to Kim Il Sung: The Formation of North Korea, 1945-1960. Hurst.");

        assertThat(ref.pageRanges()).isEmpty();
        assertThat(ref.years()).contains(2002, 1945, 1960);
    }

    @Test
    void normalisesDoisFromResolverUrlsAndPrefixes() {
        assertThat(Dois.find("https://doi.org/10.1080/14682745.2011.545600.")).isEqualTo("10.1080/14682745.2011.545600");
        assertThat(Dois.find("doi:10.1353/JKS.2017.0003")).isEqualTo("10.1353/jks.2017.0003");
        assertThat(Dois.find("no doi here")).isNull();
    }

    @Test
    void keysIgnoreSpacingPunctuationAndCase() {
        assertThat(TextKeys.key("중소 관계와 한국 전쟁")).isEqualTo(TextKeys.key("중소관계와 한국전쟁"));
        assertThat(TextKeys.key("The Sino-Soviet Relation")).isEqualTo("thesinosovietrelation");
    }

    @Test
    void readsOnlyTheFirstFourThousandCharactersOfAReference() {
        String filler = "x ".repeat(ReferenceParser.MAX_PARSED_LENGTH / 2);
        ParsedReference ref = ReferenceParser.raw("Kim, J. (2015). " + filler + "「중소관계와 한국전쟁」 1999, 481-512.");

        assertThat(ref.years()).containsExactly(2015);
        assertThat(ref.titleKeys()).doesNotContain("중소관계와한국전쟁");
        assertThat(ref.pageRanges()).isEmpty();
        assertThat(ref.textKey().length()).isLessThan(ReferenceParser.MAX_PARSED_LENGTH);
    }

    @Test
    void cutsALongReferenceWithoutSplittingACharacter() {
        String text = "a".repeat(ReferenceParser.MAX_PARSED_LENGTH - 1) + "\uD840\uDC00" + "b".repeat(10);

        assertThat(ReferenceParser.leading(text)).hasSize(ReferenceParser.MAX_PARSED_LENGTH - 1).doesNotContain("\uD840");
    }

    @Test
    void keepsAFewYearsPageRangesAndTitlePiecesOfAReferenceThatListsHundreds() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(1700 + i).append(", ").append(10 * i + 1).append("-").append(10 * i + 5).append(", piece number ").append(i).append(". ");
        }
        ParsedReference ref = ReferenceParser.raw(text.toString());

        assertThat(ref.years()).hasSize(ReferenceParser.MAX_YEARS).startsWith(1700, 1701);
        assertThat(ref.pageRanges()).hasSize(ReferenceParser.MAX_PAGE_RANGES).startsWith(new ParsedReference.PageRange(1, 5));
        assertThat(ref.titleKeys()).hasSize(ReferenceParser.MAX_TITLE_KEYS);
    }

    @Test
    void structuredFieldsBecomeTheSameEvidence() {
        ParsedReference ref = ReferenceParser.structured(List.of("안치영"), "중소관계와 한국전쟁", "중앙사론", 2015, "42", null, "481", "512", null);

        assertThat(ref.structured()).isTrue();
        assertThat(ref.titleKeys()).containsExactly("중소관계와한국전쟁");
        assertThat(ref.pageRanges()).containsExactly(new ParsedReference.PageRange(481, 512));
    }

    @Test
    void readsTheLocatorOfAReferenceWithoutATitle() {
        ParsedReference physics = ReferenceParser.raw("[12] A. Author et al., Phys. Rev. Lett. 95, 123456 (2005)");
        assertThat(physics.years()).containsExactly(2005);
        assertThat(physics.numbers()).contains("95");
        assertThat(physics.pageKeys()).contains("123456");

        ParsedReference chemistry = ReferenceParser.raw("(1) Yamidanov, R. S.; Vakhitova, J. V.; Seredenin, S. B. "
                + "European Neuropsychopharmacology 2005, 15, S184–S185.");
        assertThat(chemistry.years()).containsExactly(2005);
        assertThat(chemistry.numbers()).contains("15");
        assertThat(chemistry.pageKeys()).contains("s184");

        ParsedReference articleNumber = ReferenceParser.raw("7. Kowalski A, Brandt P. PLoS One 2014;9(3):e0123456.");
        assertThat(articleNumber.pageKeys()).contains("e0123456");
        assertThat(articleNumber.numbers()).contains("9", "3");

        ParsedReference leadingZeros = ReferenceParser.raw("[3] H. Fischer, Phys. Rev. B 72, 045112 (2005).");
        assertThat(leadingZeros.pageKeys()).as("as the catalog stores it").contains("45112");
    }

    @Test
    void keepsTheFirstPageOfStructuredFieldsAsAPageKey() {
        ParsedReference ref = ReferenceParser.structured(List.of("Yamidanov, R. S."), null, "Eur Neuropsychopharmacol", 2005,
                "15", null, "S184", "S185", null);
        assertThat(ref.pageKeys()).containsExactly("s184");
        assertThat(ref.words()).extracting(JournalWords.Word::text).containsExactly("eur", "neuropsychopharmacol");
    }

    @Test
    void keepsABoundedNumberOfPageKeys() {
        StringBuilder text = new StringBuilder("Phys. Rev. Lett.");
        for (int i = 0; i < 500; i++) {
            text.append(' ').append(1000 + i);
        }
        assertThat(ReferenceParser.raw(text.toString()).pageKeys()).hasSize(ReferenceParser.MAX_PAGE_KEYS);
    }
}
