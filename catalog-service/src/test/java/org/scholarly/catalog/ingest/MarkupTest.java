package org.scholarly.catalog.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MarkupTest {

    @Test
    void turnsJatsAbstractsIntoPlainText() {
        assertThat(Markup.plainText("<jats:title>Abstract</jats:title>\n  <jats:p>전쟁과   <i>평화</i>.</jats:p>"))
                .isEqualTo("Abstract 전쟁과 평화 .");
        assertThat(Markup.plainText("a < b, c<>d")).isEqualTo("a d");
        assertThat(Markup.plainText("x<>y, a < b")).isEqualTo("x<>y, a < b");
    }

    @Test
    void agreesWithTheTagPatternItReplacesOnRandomText() {
        Random random = new Random(7);
        String alphabet = "<>< >ab\t\n가";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = text.toString().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
            assertThat(Markup.plainText(text.toString())).as("for %s", text).isEqualTo(expected);
        }
    }

    @Test
    void takesLinearTimeOnUnclosedMarks() {
        // The pattern it replaces needed seconds for a few thousand unclosed '<'; this bound is generous on purpose.
        String hostile = "<".repeat(900_000);
        String result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Markup.plainText(hostile));
        assertThat(result).hasSize(900_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Markup.plainText("<a".repeat(450_000)));
    }
}
