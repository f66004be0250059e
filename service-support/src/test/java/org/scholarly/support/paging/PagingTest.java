package org.scholarly.support.paging;

import org.junit.jupiter.api.Test;
import org.scholarly.support.problem.Problem.FieldError;
import org.scholarly.support.problem.ProblemException;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void limitDefaultsAndAcceptsOneToOneHundred() {
        assertThat(Paging.limit(null)).isEqualTo(20);
        assertThat(Paging.limit(" ")).isEqualTo(20);
        assertThat(Paging.limit(null, 100)).isEqualTo(100);
        assertThat(Paging.limit("1")).isEqualTo(1);
        assertThat(Paging.limit("100")).isEqualTo(100);
    }

    @Test
    void aLimitThatIsNotAWholeNumberInRangeIsOneFieldError() {
        for (String bad : new String[]{"abc", "0", "101", "-1", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> Paging.limit(bad)).as(bad).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).containsExactly(new FieldError("limit", "must be a whole number between 1 and 100"));
            });
        }
    }

    @Test
    void aCursorCarriesItsPositionAndNothingElseDecodes() {
        UUID id = UUID.randomUUID();
        String cursor = Cursors.encode(2024, id);
        record Position(int year, UUID id) {
        }
        Position decoded = Cursors.decode(cursor, 2, p -> new Position(Integer.parseInt(p[0]), UUID.fromString(p[1])));
        assertThat(decoded).isEqualTo(new Position(2024, id));
        String[] none = Cursors.decode(null, 2, p -> p);
        assertThat(none).isNull();
        for (String bad : new String[]{"%%%", cursor + "x", Cursors.encode(2024), Cursors.encode("x", id)}) {
            assertThatThrownBy(() -> Cursors.decode(bad, 2, p -> new Position(Integer.parseInt(p[0]), UUID.fromString(p[1]))))
                    .as(bad).isInstanceOfSatisfying(ProblemException.class, e ->
                            assertThat(e.errors()).containsExactly(new FieldError("cursor", "is not a cursor this API handed out")));
        }
    }

    @Test
    void aPageShowsLimitRowsAndTheCursorOfTheLastOnlyWhenThereIsMore() {
        Page<String> more = Page.of(List.of(1, 2, 3), 2, String::valueOf, n -> "#" + n);
        assertThat(more.items()).containsExactly("#1", "#2");
        assertThat(more.nextCursor()).isEqualTo("2");
        Page<String> last = Page.of(List.of(1, 2), 2, String::valueOf, n -> "#" + n);
        assertThat(last.nextCursor()).isNull();
    }
}
