package org.scholarly.catalog.common;

import org.junit.jupiter.api.Test;
import org.scholarly.support.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest {

    @Test
    void acceptsIssnsWithAValidCheckDigitIncludingX() {
        assertThat(Identifiers.isValidIssn("1229-4764")).isTrue();
        assertThat(Identifiers.isValidIssn("0317-8471")).isTrue();
        assertThat(Identifiers.isValidIssn(Identifiers.normaliseIssn("2434561x"))).isTrue();
        assertThat(Identifiers.normaliseIssn("12294764")).isEqualTo("1229-4764");
    }

    @Test
    void rejectsAnInvalidIssn() {
        assertThat(Identifiers.isValidIssn("1229-4765")).isFalse();
        assertThat(Identifiers.isValidIssn("1229-476")).isFalse();
        assertThat(Identifiers.isValidIssn("ABCD-EFGH")).isFalse();
    }

    @Test
    void namesTheFieldOfAValueThatIsNotADoi() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(Identifiers.doi("https://doi.org/10.1234/ABC.Def", "doi", errors)).isEqualTo("10.1234/abc.def");
        assertThat(Identifiers.doi("  ", "doi", errors)).isNull();
        assertThat(errors).isEmpty();
        assertThat(Identifiers.doi("11.1234/abc", "references[0].doi", errors)).isNull();
        assertThat(errors).containsExactly(new FieldError("references[0].doi", "'11.1234/abc' is not a DOI (10.NNNN/suffix)"));
    }

    @Test
    void checksOrcidCheckDigits() {
        assertThat(Identifiers.isValidOrcid(Identifiers.normaliseOrcid("https://orcid.org/0000-0002-1825-0097"))).isTrue();
        assertThat(Identifiers.isValidOrcid("0000-0001-5109-3700")).isTrue();
        assertThat(Identifiers.isValidOrcid("0000-0002-1694-233X")).isTrue();
        assertThat(Identifiers.isValidOrcid("0000-0002-1825-0098")).isFalse();
    }

    @Test
    void foldsTitlesToMatchKeysAcrossSpacingCaseAndPunctuation() {
        assertThat(TextKeys.matchKey("Chung-Ang  Saron")).isEqualTo(TextKeys.matchKey("chung ang saron"));
        assertThat(TextKeys.matchKey("중앙 사론")).isEqualTo("중앙사론");
        assertThat(TextKeys.likeContains("100%_done")).isEqualTo("%100\\%\\_done%");
    }
}
