package org.scholarly.citation.resolution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalWordsTest {

    private static boolean names(String reference, String catalogJournalTitle) {
        return JournalWords.names(JournalWords.words(reference), JournalWords.significant(catalogJournalTitle));
    }

    @Test
    void keepsTheSignificantWordsOfACatalogTitle() {
        assertThat(JournalWords.significant("Journal of the American Chemical Society")).isEqualTo("journal american chemical society");
        assertThat(JournalWords.significant("Resources, Conservation and Recycling")).isEqualTo("resources conservation recycling");
        assertThat(JournalWords.significant("Zeitschrift für Physik")).isEqualTo("zeitschrift physik");
        assertThat(JournalWords.significant("The Lancet")).isEqualTo("lancet");
    }

    @Test
    void recognisesIsoAbbreviationsWithAndWithoutFullStops() {
        assertThat(names("[12] A. Author et al., Phys. Rev. Lett. 95, 123456 (2005)", "Physical Review Letters")).isTrue();
        assertThat(names("12. Tanaka Y. Phys Rev Lett 2005;95:123456.", "Physical Review Letters")).isTrue();
        assertThat(names("(2) Yamamoto, K.; Chen, L. J. Am. Chem. Soc. 2005, 127, 8765.", "Journal of the American Chemical Society")).isTrue();
        assertThat(names("[1] F. Ackerman, Resour. Conserv. Recycl. 35 (2002) 275.", "Resources, Conservation and Recycling")).isTrue();
        assertThat(names("Hartmann L. N Engl J Med 2005;352:2487-98.", "New England Journal of Medicine")).isTrue();
        assertThat(names("A. Kochendörfer, Z. Phys. 77 (1932) 410.", "Zeitschrift für Physik")).isTrue();
    }

    @Test
    void recognisesFullTitlesAndContractions() {
        assertThat(names("1 F. Ackerman and K. Gallagher, Resources, Conservation and Recycling 35, 275 (2002).",
                "Resources, Conservation and Recycling")).isTrue();
        assertThat(names("Grobusch, M. P. The Lancet, 366(9493), 1267.", "The Lancet")).isTrue();
        assertThat(names("Smith J. Proc Natl Acad Sci USA 2001;98:1.", "Proceedings of the National Academy of Sciences USA")).isTrue();
        assertThat(names("(6) 박성진. 대한화학회지 2005, 49, 33–40.", "대한화학회지")).isTrue();
        assertThat(names("Cumings, B. Asian Survey, vol. 48, no. 4, 2008, pp. 624-47.", "Asian Survey")).isTrue();
    }

    @Test
    void refusesAnotherJournalThatSharesItsFirstWords() {
        assertThat(names("Y. Tanaka, Phys. Rev. B 95, 123456 (2005).", "Physical Review Letters")).isFalse();
        assertThat(names("Y. Tanaka, Phys. Rev. 95, 123456 (2005).", "Physical Review Letters")).isFalse();
        assertThat(names("Y. Tanaka, Phys. Rev. Lett. 95, 123456 (2005).", "Physical Review")).isFalse();
        assertThat(names("Yamamoto, K. J. Org. Chem. 2005, 127, 8765.", "Journal of the American Chemical Society")).isFalse();
        assertThat(names("Kobrak M. J Chem Phys 2005;123:044507.", "Journal of Physical Chemistry B")).isFalse();
        assertThat(names("F. Ackerman, Resour. Policy 35 (2002) 275.", "Resources, Conservation and Recycling")).isFalse();
    }

    @Test
    void refusesInitialsAndAbbreviatedSingleWordTitles() {
        assertThat(names("P. R. L. Smith, 95, 123456 (2005).", "Physical Review Letters")).isFalse();
        assertThat(names("Grobusch MP. Lanc 2005;366:1267.", "The Lancet")).isFalse();
    }
}
