package org.scholarly.catalog.oai;

import io.gdcc.xoai.exceptions.BadResumptionTokenException;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure parts: set specs, resumption tokens, identifiers, day dates. */
class OaiPartsTest {

    @Test
    void researchAreasBecomeValidDistinctHierarchicalSetSpecs() {
        assertThat(SetSpecs.areaHierarchy("Humanities > History")).containsExactly("area:humanities", "area:humanities:history");
        assertThat(SetSpecs.areaHierarchy("Social Sciences > Law & Policy"))
                .containsExactly("area:social-sciences", "area:social-sciences:law-policy");
        List<String> korean = SetSpecs.areaHierarchy("인문학 > 역사학");
        assertThat(korean).hasSize(2).allMatch(spec -> spec.matches("([A-Za-z0-9\\-_.!~*'()])+(:[A-Za-z0-9\\-_.!~*'()]+)*"));
        assertThat(new HashSet<>(List.of(SetSpecs.areaHierarchy("인문학").get(0), SetSpecs.areaHierarchy("인문").get(0),
                SetSpecs.areaHierarchy("인문a").get(0)))).hasSize(3);
        assertThat(SetSpecs.areaHierarchy(null)).isEmpty();
    }

    @Test
    void tokensKeepPositionsToTheMicrosecondAndRefuseAnythingElse() throws Exception {
        PositionTokenFormat format = new PositionTokenFormat();
        Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
        ResumptionToken.Value value = new ResumptionToken.ValueBuilder().withFrom(at).withOffset(4711)
                .withUntil(Instant.parse("2026-04-01T00:00:00Z")).withSetSpec("area:humanities").withMetadataPrefix("jats").build();
        ResumptionToken.Value parsed = format.parse(format.format(value));
        assertThat(parsed).isEqualTo(value);
        assertThat(parsed.getFrom()).isEqualTo(at);

        for (String bad : List.of("", "%%%", enc("v1|1|2|3|4"), enc("v2|1||||oai_dc"), enc("v1|-1||||oai_dc"), enc("v1|x||||oai_dc"))) {
            assertThatThrownBy(() -> format.parse(bad)).as(bad).isInstanceOf(BadResumptionTokenException.class);
        }
    }

    @Test
    void identifiersNameOnlyCanonicalArticleIds() {
        OaiIdentifiers identifiers = new OaiIdentifiers("scholarly.local");
        UUID id = UUID.randomUUID();
        assertThat(identifiers.articleId(identifiers.of(id))).contains(id);
        assertThat(identifiers.articleId("oai:other.org:" + id)).isEmpty();
        assertThat(identifiers.articleId("oai:scholarly.local:1-2-3-4-5")).isEmpty();
        assertThat(identifiers.articleId(null)).isEmpty();
    }

    @Test
    void dayDatesBecomeTheirFirstAndLastSecond() {
        Map<String, String[]> widened = OaiService.dayDates(Map.of("from", new String[] {"2024-01-01"}, "until", new String[] {"2024-01-31"}));
        assertThat(widened.get("from")).containsExactly("2024-01-01T00:00:00Z");
        assertThat(widened.get("until")).containsExactly("2024-01-31T23:59:59Z");
        Map<String, String[]> mixed = Map.of("from", new String[] {"2024-01-01"}, "until", new String[] {"2024-01-31T00:00:00Z"});
        assertThat(OaiService.dayDates(mixed)).isSameAs(mixed);
        Map<String, String[]> invalid = Map.of("until", new String[] {"2024-13-45"});
        assertThat(OaiService.dayDates(invalid)).isSameAs(invalid);
    }

    private static String enc(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
