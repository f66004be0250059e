package org.scholarly.support.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HangulTest {

    @Test
    void textWithAnyHangulLetterIsTakenAsKorean() {
        assertThat(Hangul.contains("COVID-19 이후 한국 경제")).isTrue();
        assertThat(Hangul.contains("ㄱ")).isTrue();
        assertThat(Hangul.contains("Korean Studies 2024")).isFalse();
        assertThat(Hangul.contains(null)).isFalse();
    }

    @Test
    void aNameIsHangulWhenEveryLetterIsSpacesAndPunctuationAside() {
        assertThat(Hangul.isHangul("김철수")).isTrue();
        assertThat(Hangul.isHangul("중소 관계")).isTrue();
        assertThat(Hangul.isHangul("남궁-민")).isTrue();
        assertThat(Hangul.isHangul("Kim 철수")).isFalse();
        assertThat(Hangul.isHangul("金")).isFalse();
        assertThat(Hangul.isHangul("2024")).isFalse();
        assertThat(Hangul.isHangul("")).isFalse();
        assertThat(Hangul.isHangul(null)).isFalse();
    }
}
