package org.scholarly.support.body;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitedInputStreamTest {

    private static InputStream limited(int size, long max) {
        return new LimitedInputStream(new ByteArrayInputStream(new byte[size]), max);
    }

    @Test
    void passesABodyOfExactlyTheLimit() throws IOException {
        assertThat(limited(100, 100).readAllBytes()).hasSize(100);
    }

    @Test
    void throwsOnceTheBodyPassesTheLimitWhetherReadInBlocksOrBytes() {
        assertThatThrownBy(() -> limited(101, 100).readAllBytes()).isInstanceOf(BodyTooLargeException.class);
        assertThatThrownBy(() -> {
            try (InputStream in = limited(101, 100)) {
                while (in.read() >= 0) {
                    // byte by byte
                }
            }
        }).isInstanceOf(BodyTooLargeException.class);
    }
}
