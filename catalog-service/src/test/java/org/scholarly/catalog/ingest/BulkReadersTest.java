package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk readers on their own: sizes checked on bytes, resuming after the records a run already applied. */
class BulkReadersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private static String work(int n) {
        return "{\"DOI\": \"10.5555/reader." + n + "\", \"title\": [\"Work " + n + "\"], \"container-title\": [\"Reader Journal\"], "
                + "\"published\": {\"date-parts\": [[2015, 6, 30]]}, \"note\": \"a \\\"quoted\\\" ] and } inside\"}";
    }

    private static List<SourceLine> crossref(String body, long skip, int limit) throws IOException {
        List<SourceLine> lines = new ArrayList<>();
        new CrossrefWorks(MAPPER, limit).read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), skip, lines::add);
        return lines;
    }

    @Test
    void readsEveryWorkOfAnItemsPageAndResumesAfterTheOnesAlreadyApplied() throws IOException {
        String page = "{\"status\": \"ok\", \"message\": {\"facets\": {}, \"items\": [" + work(1) + ", " + work(2) + ", "
                + work(3) + "], \"total-results\": 3}}";

        assertThat(crossref(page, 0, 10_000)).extracting(SourceLine::line).containsExactly(1L, 2L, 3L);
        assertThat(crossref(page, 0, 10_000)).allSatisfy(line -> assertThat(line.error()).isNull());
        assertThat(crossref(page, 2, 10_000)).extracting(l -> l.record().doi()).containsExactly("10.5555/reader.3");
    }

    @Test
    void refusesAWorkOverTheLimitWhileReadingItAndKeepsTheBytesOfTheOthers() throws IOException {
        String page = "{\"message\": {\"items\": [" + work(1) + ", {\"title\": [\"" + "x".repeat(5_000) + "\"]}, " + work(3) + "]}}";

        List<SourceLine> lines = crossref(page, 0, 1_000);

        assertThat(lines).extracting(SourceLine::error).containsExactly(null, "work is larger than 1000 bytes", null);
        assertThat(lines.get(0).bytes()).isEqualTo(work(1).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void readsTheSingleWorkFormAndRefusesItWhenItIsTooLarge() throws IOException {
        assertThat(crossref("{\"message-type\": \"work\", \"message\": " + work(7) + "}", 0, 10_000))
                .extracting(l -> l.record().doi()).containsExactly("10.5555/reader.7");
        assertThat(crossref("{\"message\": " + work(7) + "}", 1, 10_000)).isEmpty();
        assertThat(crossref("{\"message\": {\"DOI\": \"10.5555/x\", \"abstract\": \"" + "y".repeat(5_000) + "\"}}", 0, 1_000))
                .extracting(SourceLine::error).containsExactly("work is larger than 1000 bytes");
    }

    @Test
    void aCrossrefAnswerThatIsNotJsonFailsTheDocumentNotTheProcess() {
        assertThatThrownBy(() -> crossref("{\"message\": {\"items\": [" + work(1), 0, 10_000)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> crossref("[]", 0, 10_000)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> crossref("{\"status\": \"ok\"}", 0, 10_000)).hasMessageContaining("no message");
    }

    @Test
    void resumesAnNdjsonBodyAfterTheRecordsAlreadyAppliedCountingOverlongLinesAndIgnoringBlankOnes() throws IOException {
        String body = "{\"titles\": {\"en\": \"one\"}}\n\n" + "{\"x\": \"" + "z".repeat(200) + "\"}\n   \n{\"titles\": {\"en\": \"three\"}}\n";
        List<SourceLine> all = new ArrayList<>();
        List<SourceLine> resumed = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));

        new NdjsonRecords(MAPPER, 100).read(in, 0, all::add);
        new NdjsonRecords(MAPPER, 100).read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 2, resumed::add);

        assertThat(all).extracting(SourceLine::line).containsExactly(1L, 3L, 5L);
        assertThat(all.get(1).error()).contains("longer than 100 bytes");
        assertThat(resumed).extracting(SourceLine::line).containsExactly(5L);
        assertThat(resumed.get(0).record().titles()).containsEntry("en", "three");
    }

    @Test
    void closesABatchAtItsByteBoundBeforeItsCountBound() {
        RecordBatch batch = new RecordBatch(500, 8_000);
        SourceLine record = new SourceLine(1, null, null, 3_000);

        batch.add(record);
        batch.add(record);
        assertThat(batch.isFull()).isFalse();
        assertThat(batch.wouldOverflow(record)).as("a third record would pass 8,000 bytes").isTrue();

        RecordBatch alone = new RecordBatch(500, 8_000);
        assertThat(alone.wouldOverflow(new SourceLine(2, null, null, 20_000))).as("an empty batch takes any record").isFalse();
        alone.add(new SourceLine(2, null, null, 20_000));
        assertThat(alone.isFull()).isTrue();
    }
}
