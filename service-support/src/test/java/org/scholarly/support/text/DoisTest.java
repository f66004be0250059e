package org.scholarly.support.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DoisTest {

    @Test
    void aFieldIsLowerCasedWithoutResolverPrefixOrClosingPunctuation() {
        assertThat(Dois.normalise("https://doi.org/10.1234/ABC.Def")).isEqualTo("10.1234/abc.def");
        assertThat(Dois.normalise("HTTPS://DX.DOI.ORG/10.1234/x")).isEqualTo("10.1234/x");
        assertThat(Dois.normalise("doi: 10.1234/X")).isEqualTo("10.1234/x");
        assertThat(Dois.normalise(" 10.1080/14682745.2011.545600. ")).isEqualTo("10.1080/14682745.2011.545600");
        // Full-width digits from a Korean input method are the same DOI.
        assertThat(Dois.normalise("１０.１２３４/abc")).isEqualTo("10.1234/abc");
    }

    @Test
    void aFieldThatIsNotJustADoiIsNone() {
        assertThat(Dois.normalise(null)).isNull();
        assertThat(Dois.normalise("  ")).isNull();
        assertThat(Dois.normalise("11.1234/abc")).isNull();
        assertThat(Dois.normalise("10.12/abc")).isNull();
        assertThat(Dois.normalise("10.1234/")).isNull();
        assertThat(Dois.normalise("see 10.1234/abc")).isNull();
    }

    @Test
    void findsTheFirstDoiInFreeText() {
        assertThat(Dois.find("Kim, J. (2017). Title. J. Korean Stud., 22(1). doi:10.1353/JKS.2017.0003.")).isEqualTo("10.1353/jks.2017.0003");
        assertThat(Dois.find("(https://doi.org/10.1080/14682745.2011.545600)")).isEqualTo("10.1080/14682745.2011.545600");
        assertThat(Dois.find("no doi here")).isNull();
    }

    @Test
    void theCatalogAndTheCitationServiceAgreeOnEveryDoiTheCatalogAccepts() {
        for (String raw : new String[]{"https://doi.org/10.1234/ABC", "doi:10.5555/x.Y.", "10.1000/182)", "１０.１２３４/abc"}) {
            assertThat(Dois.find(raw)).as(raw).isEqualTo(Dois.normalise(raw)).isNotNull();
        }
    }

    @Test
    void isLinearOnAdversarialText() {
        String text = "10.1234/" + ")".repeat(200_000) + " " + "10.".repeat(100_000);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Dois.find(text))).isNull();
    }
}
