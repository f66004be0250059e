package org.scholarly.bench;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceNoiseTest {

    @Test
    void abbreviatesAJournalNameInTheIso4Style() {
        assertThat(ReferenceNoise.abbreviateJournal("Journal of Korean History Studies")).isEqualTo("J. Korean Hist. Stud.");
        assertThat(ReferenceNoise.abbreviateJournal("International Journal of Economy Research 2")).isEqualTo("Int. J. Econ. Res. 2");
        assertThat(ReferenceNoise.abbreviateJournal("Diplomacy Review")).isEqualTo("Dipl. Rev.");
        assertThat(ReferenceNoise.abbreviateJournal("Korean Journal of War History")).isEqualTo("Korean J. War Hist.");
    }

    @Test
    void misspellsOneOrTwoWordsOfATitleByOneLetterEach() {
        Random random = new Random(5);
        String title = "Trainsport of the maritime frontier and colonial labour in 1931";
        for (int i = 0; i < 200; i++) {
            String[] typed = ReferenceNoise.typo(title, random).split(" ");
            String[] original = title.split(" ");
            assertThat(typed).hasSameSizeAs(original);
            int changed = 0;
            for (int w = 0; w < original.length; w++) {
                if (!typed[w].equals(original[w])) {
                    changed++;
                    assertThat(original[w].length()).isGreaterThanOrEqualTo(3);
                    assertThat(Math.abs(typed[w].length() - original[w].length())).isLessThanOrEqualTo(1);
                }
            }
            assertThat(changed).isBetween(1, 2);
        }
        assertThat(ReferenceNoise.typo("1931년대 가나다 라마 연구", new Random(1))).isNotEqualTo("1931년대 가나다 라마 연구");
    }

    @Test
    void givesAuthorsAsInitials() {
        assertThat(ReferenceNoise.initials("Min-su")).isEqualTo("M.-S.");
        assertThat(ReferenceNoise.initials("Jiyoung")).isEqualTo("J.");
        assertThat(ReferenceNoise.bareInitials("Hyun-woo")).isEqualTo("HW");
    }
}
