package org.scholarly.catalog.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import de.undercouch.citeproc.ris.RISParser;
import de.undercouch.citeproc.ris.RISReference;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CitationFormatsTest {

    static final String BIBTEX = "application/x-bibtex";
    static final String RIS = "application/x-research-info-systems";
    static final String CSL_JSON = "application/vnd.citationstyles.csl+json";
    static final String NDJSON = "application/x-ndjson";

    /**
     * The seed article (samples/kci-joongang-saron-2015-42-481.json) as citeproc-java renders it with the official
     * styles and locales 25.4. The Korean locale cites the Korean journal title and the author's Hangul name, family
     * name first with no separator, as Korean is written; the English title stays because the record has no other.
     */
    static final Map<String, String> SEED_EN = Map.of(
            "apa", "Ahn, C.-Y. (2015). The Sino-Soviet Relation and the Korean War. Chung-Ang Saron, 42, 481–512.",
            "chicago-author-date", "Ahn, Chi-Young. 2015. “The Sino-Soviet Relation and the Korean War.” Chung-Ang Saron, no. 42, 481–512.",
            "modern-language-association", "Ahn, Chi-Young. “The Sino-Soviet Relation and the Korean War.” Chung-Ang Saron, no. 42, 2015, pp. 481–512.",
            "ieee", "[1]C.-Y. Ahn, “The Sino-Soviet Relation and the Korean War,” Chung-Ang Saron, no. 42, pp. 481–512, 2015.",
            "vancouver", "1.Ahn C-Y. The Sino-Soviet Relation and the Korean War. Chung-Ang Saron. 2015;(42):481–512.",
            "harvard-cite-them-right", "Ahn, C.-Y. (2015) “The Sino-Soviet Relation and the Korean War,” Chung-Ang Saron, (42), pp. 481–512.");
    static final Map<String, String> SEED_KO = Map.of(
            "apa", "안치영. (2015). The Sino-Soviet Relation and the Korean War. 중앙사론, 42, 481–512.",
            "chicago-author-date", "안치영. 2015. “The Sino-Soviet Relation and the Korean War”. 중앙사론, 호 42, 481–512.",
            "modern-language-association", "안치영. “The Sino-Soviet Relation and the Korean War”. 중앙사론, 호 42, 2015년, pp 481–512.",
            "ieee", "[1]안치영, “The Sino-Soviet Relation and the Korean War”, 중앙사론, 호 42, pp 481–512, 2015.",
            "vancouver", "1.안치영. The Sino-Soviet Relation and the Korean War. 중앙사론. 2015년;(42):481–512.",
            "harvard-cite-them-right", "안치영 (2015) “The Sino-Soviet Relation and the Korean War”, 중앙사론, (42), pp 481–512.");

    static String seedId() {
        Response response = given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.seed()).post("/api/v1/articles");
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
        return response.jsonPath().getString("id");
    }

    static String create(ObjectNode record) {
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.json(record)).post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getString("id");
    }

    static String citation(String id, String query, int status) {
        return given().get("/api/v1/articles/" + id + "/citation?" + query).then().statusCode(status).extract().asString();
    }

    static BibTeXDatabase bibtex(String text) throws Exception {
        return new BibTeXParser().parse(new StringReader(text));
    }

    static String field(BibTeXEntry entry, Key key) {
        return entry.getField(key) == null ? null : entry.getField(key).toUserString();
    }

    /** RIS read back line by line: every tag with its values in order, and the count of records (ER lines). */
    static Map<String, List<String>> risFields(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String line : text.split("\r\n")) {
            assertThat(line).as("a RIS line").matches("[A-Z][A-Z0-9]  - .*");
            fields.computeIfAbsent(line.substring(0, 2), tag -> new ArrayList<>()).add(line.substring(6));
        }
        return fields;
    }

    @Test
    void seedRendersInEveryStyleInEnglishAndKorean() {
        String id = seedId();
        SEED_EN.forEach((style, expected) -> assertThat(citation(id, "style=" + style + "&locale=en-US", 200))
                .as(style + " en-US").isEqualTo(expected));
        SEED_KO.forEach((style, expected) -> assertThat(citation(id, "style=" + style + "&locale=ko-KR", 200))
                .as(style + " ko-KR").isEqualTo(expected));

        // The defaults are APA in en-US; Accept parameters choose style and locale as Crossref's do.
        given().get("/api/v1/articles/" + id + "/citation").then().statusCode(200)
                .contentType("text/x-bibliography").body(equalTo(SEED_EN.get("apa")));
        given().accept("text/x-bibliography; style=modern-language-association; locale=ko-KR").get("/api/v1/articles/" + id)
                .then().statusCode(200).header("Vary", "Accept").body(equalTo(SEED_KO.get("modern-language-association")));
    }

    @Test
    void jsonStaysTheDefaultRepresentation() {
        String id = seedId();
        given().get("/api/v1/articles/" + id).then().statusCode(200).contentType(ContentType.JSON).body("id", equalTo(id));
        given().accept("*/*").get("/api/v1/articles/" + id).then().statusCode(200).contentType(ContentType.JSON);
        given().accept("text/html;q=0.9, application/json").get("/api/v1/articles/" + id).then().statusCode(200)
                .contentType(ContentType.JSON);
        given().accept("application/*").queryParam("year", 2015).get("/api/v1/articles").then().statusCode(200)
                .contentType(ContentType.JSON).body("items", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void bibtexParsesWithJbibtexInBothLocales() throws Exception {
        String id = seedId();
        String english = given().accept(BIBTEX).get("/api/v1/articles/" + id).then().statusCode(200)
                .contentType(BIBTEX).extract().asString();
        BibTeXDatabase database = bibtex(english);
        assertThat(database.getEntries()).hasSize(1);
        BibTeXEntry entry = database.getEntries().values().iterator().next();
        assertThat(entry.getType()).isEqualTo(BibTeXEntry.TYPE_ARTICLE);
        assertThat(entry.getKey().getValue()).isEqualTo("Ahn2015-" + id.substring(0, 8));
        assertThat(field(entry, BibTeXEntry.KEY_AUTHOR)).isEqualTo("Ahn, Chi-Young");
        assertThat(field(entry, BibTeXEntry.KEY_TITLE)).isEqualTo("The Sino-Soviet Relation and the Korean War");
        assertThat(field(entry, BibTeXEntry.KEY_JOURNAL)).isEqualTo("Chung-Ang Saron");
        assertThat(field(entry, BibTeXEntry.KEY_YEAR)).isEqualTo("2015");
        assertThat(field(entry, BibTeXEntry.KEY_NUMBER)).isEqualTo("42");
        assertThat(field(entry, BibTeXEntry.KEY_PAGES)).isEqualTo("481--512");
        assertThat(field(entry, BibTeXEntry.KEY_PUBLISHER)).isEqualTo("Institute for Historical Studies at Chung-Ang University");
        assertThat(field(entry, BibTeXEntry.KEY_VOLUME)).isNull();

        BibTeXEntry korean = bibtex(citation(id, "format=bibtex&locale=ko-KR", 200)).getEntries().values().iterator().next();
        assertThat(korean.getKey().getValue()).as("the key does not depend on the locale").isEqualTo(entry.getKey().getValue());
        assertThat(field(korean, BibTeXEntry.KEY_AUTHOR)).isEqualTo("안, 치영");
        assertThat(field(korean, BibTeXEntry.KEY_JOURNAL)).isEqualTo("중앙사론");
    }

    @Test
    void bibtexEscapesWhatTexWouldReadAsMarkup() throws Exception {
        ObjectNode record = Records.article(Records.uniqueDoi());
        String title = "Costs & {benefits}: 100% of $x_1$ #2 ~ a^b \\ back";
        ((ObjectNode) record.get("titles")).put("en", title);
        String id = create(record);

        BibTeXEntry entry = bibtex(given().accept(BIBTEX).get("/api/v1/articles/" + id).then().statusCode(200).extract()
                .asString()).getEntries().values().iterator().next();
        String latex = field(entry, BibTeXEntry.KEY_TITLE);
        String decoded = new LaTeXPrinter().print(new LaTeXParser().parse(latex));
        assertThat(decoded).isEqualTo(title);
        assertThat(field(entry, new Key("doi"))).isEqualTo(record.get("doi").asText());
    }

    @Test
    void risReadsBackFieldByField() throws Exception {
        String id = seedId();
        String text = given().accept(RIS).get("/api/v1/articles/" + id).then().statusCode(200).contentType(RIS)
                .extract().asString();
        Map<String, List<String>> fields = risFields(text);
        assertThat(fields.get("TY")).containsExactly("JOUR");
        assertThat(fields.get("AU")).containsExactly("Ahn, Chi-Young");
        assertThat(fields.get("TI")).containsExactly("The Sino-Soviet Relation and the Korean War");
        assertThat(fields.get("T2")).containsExactly("Chung-Ang Saron");
        assertThat(fields.get("J2")).containsExactly("중앙사론");
        assertThat(fields.get("PY")).containsExactly("2015");
        assertThat(fields.get("IS")).containsExactly("42");
        assertThat(fields.get("SP")).containsExactly("481");
        assertThat(fields.get("EP")).containsExactly("512");
        assertThat(fields.get("ID")).containsExactly(id);
        assertThat(fields.get("AB").get(0)).startsWith("The Korean War has broken out");
        assertThat(fields.get("ER")).containsExactly("");
        assertThat(fields.keySet()).doesNotContain("VL", "DO");

        Map<String, List<String>> korean = risFields(citation(id, "format=ris&locale=ko-KR", 200));
        assertThat(korean.get("AU")).containsExactly("안, 치영");
        assertThat(korean.get("T2")).containsExactly("중앙사론");
        assertThat(korean.get("J2")).containsExactly("Chung-Ang Saron");

        // A RIS reader of its own (citeproc-java's) finds the same record.
        List<RISReference> parsed = new RISParser().parse(new StringReader(text)).getReferences();
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).getAuthors()).containsExactly("Ahn, Chi-Young");
        assertThat(parsed.get(0).getTitle()).isEqualTo("The Sino-Soviet Relation and the Korean War");
        assertThat(parsed.get(0).getStartPage()).isEqualTo("481");
    }

    @Test
    void cslJsonIsValidAgainstTheCslDataSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/csl/csl-data.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        String id = seedId();
        for (String locale : List.of("en-US", "ko-KR")) {
            JsonNode document = Records.JSON.readTree(given().accept(CSL_JSON).get("/api/v1/articles/" + id
                    + "/citation?locale=" + locale).then().statusCode(200).contentType(CSL_JSON).extract().asString());
            assertThat(schema.validate(document)).as(locale).isEmpty();
            JsonNode item = document.get(0);
            assertThat(item.get("id").asText()).isEqualTo(id);
            assertThat(item.get("type").asText()).isEqualTo("article-journal");
            assertThat(item.at("/issued/date-parts/0/0").asInt()).isEqualTo(2015);
            assertThat(item.get("page").asText()).isEqualTo("481-512");
            if (locale.equals("ko-KR")) {
                assertThat(item.at("/author/0/family").asText()).isEqualTo("안");
                assertThat(item.at("/author/0/given").asText()).isEqualTo("치영");
                assertThat(item.get("container-title").asText()).isEqualTo("중앙사론");
            } else {
                assertThat(item.at("/author/0/family").asText()).isEqualTo("Ahn");
                assertThat(item.at("/author/0/given").asText()).isEqualTo("Chi-Young");
                assertThat(item.get("container-title").asText()).isEqualTo("Chung-Ang Saron");
            }
            // The schema is strict enough to catch a broken item: the validator is not a formality.
            ((ObjectNode) item).put("author", "Ahn");
            assertThat(schema.validate(document)).as("a string where the schema wants names").isNotEmpty();
        }
    }

    @Test
    void listingsExportEveryMatchingArticleAsTheJsonReadsShowThem() throws Exception {
        String marker = "export-" + java.util.UUID.randomUUID();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {   // more than one batch of catalog.export.batch-size (5 in tests)
            ObjectNode record = Records.article(Records.uniqueDoi());
            ((ObjectNode) record.get("titles")).put("en", marker + " " + i);
            published.add(create(record));
        }
        ObjectNode draft = Records.article(Records.uniqueDoi());
        ((ObjectNode) draft.get("titles")).put("en", marker + " draft");
        draft.put("workflowStatus", "SUBMITTED");
        String unpublished = create(draft);

        BibTeXDatabase bib = bibtex(given().accept(BIBTEX).queryParam("q", marker).get("/api/v1/articles").then()
                .statusCode(200).contentType(BIBTEX).extract().asString());
        assertThat(bib.getEntries().values()).extracting(e -> e.getKey().getValue().substring(e.getKey().getValue().lastIndexOf('-') + 1))
                .containsExactlyInAnyOrderElementsOf(published.stream().map(id -> id.substring(0, 8)).toList());

        String ris = given().accept(RIS).queryParam("q", marker).get("/api/v1/articles").then().statusCode(200)
                .extract().asString();
        assertThat(risFields(ris).get("ID")).containsExactlyInAnyOrderElementsOf(published);
        assertThat(new RISParser().parse(new StringReader(ris)).getReferences()).hasSize(7);

        String lines = given().accept(NDJSON).header("Authorization", TestTokens.bearer("editor"))
                .queryParam("q", marker).get("/api/v1/articles").then().statusCode(200).contentType(NDJSON).extract().asString();
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines.split("\n")) {
            records.add(Records.JSON.readTree(line));
        }
        List<String> all = new ArrayList<>(published);
        all.add(unpublished);
        assertThat(records).extracting(r -> r.get("id").asText()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(records).allSatisfy(r -> assertThat(r.get("references")).hasSize(2));
        assertThat(lines).endsWith("\n");
    }

    @Test
    void anExportLargerThanTheMaximumIsRefusedBeforeAnythingIsWritten() {
        String marker = "export-max-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 13; i++) {   // catalog.export.max-articles is 12 in tests
            ObjectNode record = Records.article(Records.uniqueDoi());
            ((ObjectNode) record.get("titles")).put("en", marker + " " + i);
            create(record);
        }
        given().accept(BIBTEX).queryParam("q", marker).get("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("13 articles match; an export holds at most 12"));
        given().accept(RIS).queryParam("q", marker + " 1").get("/api/v1/articles").then().statusCode(200);   // 1, 10, 11, 12
        given().accept(NDJSON).queryParam("q", marker).queryParam("limit", 5).get("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("limit and cursor page the JSON listing"));
    }

    @Test
    void unpublishedArticlesAreCitedForEditorsOnly() {
        ObjectNode draft = Records.article(Records.uniqueDoi());
        draft.put("workflowStatus", "SUBMITTED");
        ((ObjectNode) draft.at("/authors/0")).putObject("familyNames").put("en", "Ahn");
        String id = create(draft);
        given().accept(BIBTEX).get("/api/v1/articles/" + id).then().statusCode(404).contentType("application/problem+json");
        citation(id, "style=apa", 404);
        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + id + "/citation?style=ieee")
                .then().statusCode(200).body(startsWith("[1]C.-Y. Ahn, “The Sino-Soviet Relation"));
    }

    @Test
    void aRetractedArticleIsCitedAsRetracted() throws Exception {
        String id = create(Records.article(Records.uniqueDoi()));
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"action\": \"RETRACT\", \"comment\": \"duplicate publication\"}")
                .post("/api/v1/articles/" + id + "/transitions").then().statusCode(200);

        BibTeXEntry entry = bibtex(citation(id, "format=bibtex", 200)).getEntries().values().iterator().next();
        assertThat(field(entry, BibTeXEntry.KEY_NOTE)).isEqualTo("Retracted");
        assertThat(risFields(citation(id, "format=ris", 200)).get("N1")).containsExactly("Retracted");
    }

    @Test
    void unacceptableTypesAre406ListingWhatIsOffered() {
        String id = seedId();
        given().accept("text/html").get("/api/v1/articles/" + id).then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", equalTo("Accept asks for text/html; this resource is offered as application/json, "
                        + "application/x-bibtex, application/x-research-info-systems, application/vnd.citationstyles.csl+json, "
                        + "text/x-bibliography"));
        given().accept("application/pdf").get("/api/v1/articles").then().statusCode(406)
                .contentType("application/problem+json").body("detail", containsString("application/x-ndjson"));
        given().accept("application/json").get("/api/v1/articles/" + id + "/citation").then().statusCode(406)
                .contentType("application/problem+json").body("detail", containsString("text/x-bibliography"));
    }

    @Test
    void unknownStylesLocalesAndFormatsAre400NamingTheKnownOnes() {
        String id = seedId();
        given().get("/api/v1/articles/" + id + "/citation?style=turabian").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("style"))
                .body("errors[0].message", equalTo("must be one of apa, chicago-author-date, modern-language-association, "
                        + "ieee, vancouver, harvard-cite-them-right"));
        given().get("/api/v1/articles/" + id + "/citation?locale=fr-FR").then().statusCode(400)
                .body("errors[0].field", equalTo("locale")).body("errors[0].message", equalTo("must be one of en-US, ko-KR"));
        given().accept("text/x-bibliography; style=nature").get("/api/v1/articles/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("style"));
        given().get("/api/v1/articles/" + id + "/citation?format=endnote").then().statusCode(400)
                .body("errors[0].message", equalTo("must be one of bibliography, bibtex, ris, csl-json"));
    }
}
