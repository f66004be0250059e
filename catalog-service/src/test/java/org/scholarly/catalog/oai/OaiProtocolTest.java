package org.scholarly.catalog.oai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The protocol itself: the six verbs answered with documents that validate against the OAI-PMH schema (and the
 * oai_dc records against an oai_dc schema), both metadata formats of one article, and every protocol error.
 */
@QuarkusTest
class OaiProtocolTest {

    private static final Map<String, String> NS = Map.of("o", "http://www.openarchives.org/OAI/2.0/",
            "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/", "dc", "http://purl.org/dc/elements/1.1/",
            "j", "https://jats.nlm.nih.gov/ns/archiving/1.3/", "xml", XMLConstants.XML_NS_URI);
    private static final Schema SCHEMA = schema();

    private static Schema schema() {
        try {
            Source[] sources = new Source[3];
            String[] files = {"/oai/OAI-PMH.xsd", "/oai/oai_dc.xsd", "/oai/oai-identifier.xsd"};
            for (int i = 0; i < files.length; i++) {
                sources[i] = new StreamSource(OaiProtocolTest.class.getResource(files[i]).toString());
            }
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Oai(Document document, String body) {
        String text(String xpath) {
            try {
                XPath x = XPathFactory.newInstance().newXPath();
                x.setNamespaceContext(new NamespaceContext() {
                    public String getNamespaceURI(String prefix) {
                        return NS.get(prefix);
                    }

                    public String getPrefix(String uri) {
                        return null;
                    }

                    public Iterator<String> getPrefixes(String uri) {
                        return null;
                    }
                });
                return (String) x.evaluate(xpath, document, XPathConstants.STRING);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Oai valid() {
            try {
                SCHEMA.newValidator().validate(new DOMSource(document));
            } catch (Exception e) {
                throw new AssertionError("Not valid OAI-PMH: " + e.getMessage() + "\n" + body, e);
            }
            return this;
        }

        String error() {
            return text("/o:OAI-PMH/o:error/@code");
        }
    }

    static Oai parse(Response response) {
        response.then().statusCode(200).contentType(containsString("text/xml"));
        String body = response.asString();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return new Oai(factory.newDocumentBuilder().parse(new InputSource(new StringReader(body))), body);
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + body, e);
        }
    }

    static Oai get(String... arguments) {
        var request = given();
        for (int i = 0; i < arguments.length; i += 2) {
            request.queryParam(arguments[i], arguments[i + 1]);
        }
        return parse(request.get("/oai"));
    }

    static String seedLikeArticle(String status) {
        ObjectNode record = Records.article(Records.uniqueDoi());
        record.put("workflowStatus", status);
        ((ObjectNode) record.get("abstracts")).put("ko", "한국전쟁에 관한 초록.");
        record.putObject("keywords").putArray("ko").add("한국전쟁");
        ObjectNode author = (ObjectNode) record.get("authors").get(0);
        author.putObject("familyNames").put("ko", "안").put("en", "Ahn");
        author.putArray("affiliations").addObject().put("ko", "인천대학교").put("en", "Incheon National University");
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Records.json(record))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getString("id");
    }

    @Test
    void identifyListMetadataFormatsAndListSetsAreValid() {
        seedLikeArticle("PUBLISHED");
        Oai identify = get("verb", "Identify").valid();
        assertThat(identify.text("//o:Identify/o:granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
        assertThat(identify.text("//o:Identify/o:deletedRecord")).isEqualTo("persistent");
        assertThat(identify.text("//o:Identify/o:baseURL")).endsWith("/oai");
        assertThat(identify.text("//o:Identify/o:protocolVersion")).isEqualTo("2.0");

        Oai formats = get("verb", "ListMetadataFormats").valid();
        assertThat(formats.text("count(//o:metadataFormat)")).isEqualTo("2");
        assertThat(formats.text("//o:metadataFormat[o:metadataPrefix='jats']/o:metadataNamespace")).isEqualTo(NS.get("j"));

        Oai sets = get("verb", "ListSets").valid();
        assertThat(sets.text("count(//o:set[starts-with(o:setSpec, 'journal:')])")).isNotEqualTo("0");
    }

    @Test
    void oneArticleInBothFormatsByGetAndPost() {
        String id = seedLikeArticle("PUBLISHED");
        String identifier = OaiHarvestTest.NAMESPACE + id;

        Oai dc = get("verb", "GetRecord", "identifier", identifier, "metadataPrefix", "oai_dc").valid();
        assertThat(dc.text("//o:header/o:identifier")).isEqualTo(identifier);
        assertThat(dc.text("//dc:title[@xml:lang='ko']")).startsWith("중소관계와 한국전쟁");
        assertThat(dc.text("//dc:title[@xml:lang='en']")).startsWith("The Sino-Soviet Relation");
        assertThat(dc.text("//dc:description[@xml:lang='ko']")).isEqualTo("한국전쟁에 관한 초록.");
        assertThat(dc.text("//dc:description[@xml:lang='en']")).isEqualTo("An abstract about the Korean War.");
        assertThat(dc.text("//dc:creator[@xml:lang='ko']")).isEqualTo("안치영");
        assertThat(dc.text("//dc:creator[@xml:lang='en']")).isEqualTo("Ahn Chi-Young");
        assertThat(dc.text("//dc:subject[@xml:lang='ko']")).isEqualTo("한국전쟁");

        Oai jats = get("verb", "GetRecord", "identifier", identifier, "metadataPrefix", "jats");
        assertThat(jats.error()).isEmpty();
        String meta = "//j:article/j:front/j:article-meta";
        assertThat(jats.text(meta + "/j:title-group/j:article-title/@xml:lang")).isEqualTo("ko");
        assertThat(jats.text(meta + "/j:title-group/j:article-title")).startsWith("중소관계와 한국전쟁");
        assertThat(jats.text(meta + "/j:title-group/j:trans-title-group[@xml:lang='en']/j:trans-title")).startsWith("The Sino-Soviet Relation");
        String contrib = meta + "/j:contrib-group/j:contrib[@contrib-type='author']";
        assertThat(jats.text(contrib + "//j:name[@name-style='eastern'][@xml:lang='ko']/j:surname")).isEqualTo("안");
        assertThat(jats.text(contrib + "//j:name[@name-style='eastern'][@xml:lang='ko']/j:given-names")).isEqualTo("치영");
        assertThat(jats.text(contrib + "//j:name[@name-style='western'][@xml:lang='en']/j:surname")).isEqualTo("Ahn");
        assertThat(jats.text(contrib + "//j:name[@name-style='western'][@xml:lang='en']/j:given-names")).isEqualTo("Chi-Young");
        assertThat(jats.text(contrib + "//j:aff[@xml:lang='ko']/j:institution")).isEqualTo("인천대학교");
        assertThat(jats.text(contrib + "//j:aff[@xml:lang='en']/j:institution")).isEqualTo("Incheon National University");
        assertThat(jats.text("count(//j:back/j:ref-list/j:ref)")).isEqualTo("2");
        assertThat(jats.text("//j:back/j:ref-list/j:ref[2]//j:pub-id[@pub-id-type='doi']")).startsWith("10.1000/cold.");
        assertThat(jats.text("//j:back/j:ref-list/j:ref[1]/j:mixed-citation")).startsWith("Shen Zhihua");

        Oai posted = parse(given().contentType(ContentType.URLENC).formParam("verb", "GetRecord")
                .formParam("identifier", identifier).formParam("metadataPrefix", "oai_dc").post("/oai")).valid();
        assertThat(posted.text("//dc:title[@xml:lang='ko']")).isEqualTo(dc.text("//dc:title[@xml:lang='ko']"));
    }

    @Test
    void protocolErrors() {
        String unpublished = seedLikeArticle("SUBMITTED");
        assertThat(get("verb", "Harvest").valid().error()).isEqualTo("badVerb");
        assertThat(get().valid().error()).isEqualTo("badVerb");
        assertThat(get("verb", "Identify", "colour", "red").valid().error()).isEqualTo("badArgument");
        assertThat(get("verb", "ListRecords").valid().error()).isEqualTo("badArgument");
        assertThat(get("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "yesterday").valid().error()).isEqualTo("badArgument");
        assertThat(get("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2024-01-01", "until", "2024-01-01T00:00:00Z")
                .valid().error()).isEqualTo("badArgument");
        assertThat(parse(given().get("/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=jats")).valid().error())
                .isEqualTo("badArgument");
        assertThat(get("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "x".repeat(300)).valid().error()).isEqualTo("badArgument");
        assertThat(get("verb", "ListRecords", "metadataPrefix", "marc21").valid().error()).isEqualTo("cannotDisseminateFormat");
        assertThat(get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", "oai:scholarly.local:" + java.util.UUID.randomUUID())
                .valid().error()).isEqualTo("idDoesNotExist");
        assertThat(get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", OaiHarvestTest.NAMESPACE + unpublished)
                .valid().error()).as("an unpublished article is not disseminated").isEqualTo("idDoesNotExist");
        assertThat(get("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "journal:" + java.util.UUID.randomUUID())
                .valid().error()).isEqualTo("noRecordsMatch");
        assertThat(get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "until", "1990-01-01T00:00:00Z")
                .valid().error()).isEqualTo("noRecordsMatch");
        // Day dates are accepted as well as seconds (the protocol requires both).
        assertThat(get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "until", "1990-01-01").valid().error())
                .isEqualTo("noRecordsMatch");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", today, "until", today).valid().error()).isEmpty();
        assertThat(get("verb", "ListRecords", "resumptionToken", "not-a-token!").valid().error()).isEqualTo("badResumptionToken");
        String forged = java.util.Base64.getUrlEncoder().encodeToString("v1|x|||".getBytes());
        assertThat(get("verb", "ListIdentifiers", "resumptionToken", forged).valid().error()).isEqualTo("badResumptionToken");
        assertThat(get("verb", "ListIdentifiers", "resumptionToken", "abc", "metadataPrefix", "oai_dc").valid().error())
                .isEqualTo("badArgument");

        // A form larger than oai.max-form-bytes is refused before it is read whole.
        given().contentType(ContentType.URLENC).body("verb=Identify&x=" + "y".repeat(5000)).post("/oai")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aPageEndsWithATokenAndTheLastPageOfAListWithAnEmptyOne() {
        // Only what changed from now on: other test classes leave thousands of articles in the catalog.
        String from = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (int i = 0; i < 30; i++) {
            seedLikeArticle("PUBLISHED");
        }
        Oai first = get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", from).valid();
        assertThat(first.text("count(//o:ListIdentifiers/o:header)")).isEqualTo("25");
        String token = first.text("//o:resumptionToken");
        assertThat(token).isNotEmpty();
        Oai next = first;
        while (!token.isEmpty()) {
            next = get("verb", "ListIdentifiers", "resumptionToken", token).valid();
            token = next.text("//o:resumptionToken");
        }
        assertThat(next.text("count(//o:resumptionToken)")).isEqualTo("1");
    }
}
