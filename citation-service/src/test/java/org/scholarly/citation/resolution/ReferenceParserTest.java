package org.scholarly.citation.resolution;

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
        assertThat(TextKeys.doi("https://doi.org/10.1080/14682745.2011.545600.")).isEqualTo("10.1080/14682745.2011.545600");
        assertThat(TextKeys.doi("doi:10.1353/JKS.2017.0003")).isEqualTo("10.1353/jks.2017.0003");
        assertThat(TextKeys.doi("no doi here")).isNull();
    }

    @Test
    void keysIgnoreSpacingPunctuationAndCase() {
        assertThat(TextKeys.key("중소 관계와 한국 전쟁")).isEqualTo(TextKeys.key("중소관계와 한국전쟁"));
        assertThat(TextKeys.key("The Sino-Soviet Relation")).isEqualTo("thesinosovietrelation");
    }

    @Test
    void structuredFieldsBecomeTheSameEvidence() {
        ParsedReference ref = ReferenceParser.structured(List.of("안치영"), "중소관계와 한국전쟁", "중앙사론", 2015, "42", null, "481", "512", null);

        assertThat(ref.structured()).isTrue();
        assertThat(ref.titleKeys()).containsExactly("중소관계와한국전쟁");
        assertThat(ref.pageRanges()).containsExactly(new ParsedReference.PageRange(481, 512));
    }
}
