package org.scholarly.catalog.oai;

import io.gdcc.xoai.dataprovider.model.Context;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.repository.Repository;
import io.gdcc.xoai.dataprovider.repository.RepositoryConfiguration;
import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.OAIPMH;
import io.gdcc.xoai.model.oaipmh.Request;
import io.gdcc.xoai.services.api.DateProvider;
import io.gdcc.xoai.xml.XmlWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayOutputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.UUID;

/**
 * Answers one OAI-PMH request with the whole response document. Protocol errors are part of the document (HTTP 200),
 * as OAI-PMH requires; harvesters read them from there.
 */
@ApplicationScoped
public class OaiService {

    private static final Context CONTEXT = Context.context()
            .withMetadataFormat(MetadataFormat.metadataFormat(DublinCore.PREFIX)
                    .withNamespace(DublinCore.NAMESPACE).withSchemaLocation(DublinCore.SCHEMA))
            .withMetadataFormat(MetadataFormat.metadataFormat(JatsFront.PREFIX)
                    .withNamespace(JatsFront.NAMESPACE).withSchemaLocation(JatsFront.SCHEMA));
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A fixed sample for Identify's oai-identifier description. */
    private static final UUID SAMPLE = UUID.fromString("00000000-0000-4000-8000-000000000000");

    @Inject
    HarvestStore store;
    @Inject
    OaiConfig config;

    /** Reads only; one transaction so that a response is built from one connection. */
    @Transactional
    public byte[] respond(Map<String, String[]> parameters, String requestBaseUrl) {
        String baseUrl = config.baseUrl().orElse(requestBaseUrl);
        OaiIdentifiers identifiers = new OaiIdentifiers(config.identifierNamespace());
        RepositoryConfiguration configuration = new RepositoryConfiguration.RepositoryConfigurationBuilder()
                .withRepositoryName(config.repositoryName())
                .withAdminEmail(config.adminEmail())
                .withBaseUrl(baseUrl)
                .withEarliestDate(store.earliestChange())
                .withGranularity(Granularity.Second)
                .withDeleteMethod(DeletedRecord.PERSISTENT)
                .withMaxListIdentifiers(config.pageSize())
                .withMaxListRecords(config.pageSize())
                .withMaxListSets(config.setPageSize())
                .withResumptionTokenFormat(new PositionTokenFormat())
                .withDescription(identifiers.description(SAMPLE))
                .build();
        String tooLong = tooLong(parameters);
        OAIPMH response;
        if (tooLong != null) {
            response = new OAIPMH().withRequest(new Request(baseUrl))
                    .withError(new Error(tooLong).withCode(Error.Code.BAD_ARGUMENT));
        } else {
            ArticleItems items = new ArticleItems(store, identifiers);
            CatalogSets sets = new CatalogSets(store);
            Repository repository = new Repository(configuration).withItemRepository(items).withSetRepository(sets);
            HarvestLists lists = new HarvestLists(CONTEXT, repository, store, items, sets, config.pageSize());
            response = new CatalogDataProvider(CONTEXT, repository, lists).handle(dayDates(parameters));
        }
        return write(response, configuration);
    }

    /** Arguments are checked for length where they enter, before anything parses or echoes them. */
    private String tooLong(Map<String, String[]> parameters) {
        int max = config.maxArgumentLength();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().length() > max) {
                return "An argument name is longer than " + max + " characters";
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.length() > max) {
                    return "The value of '" + parameter.getKey() + "' is longer than " + max + " characters";
                }
            }
        }
        return null;
    }

    /**
     * Every repository must accept day dates (YYYY-MM-DD) as well as its own granularity. The library, set to seconds,
     * refuses them, and set to its lenient mode stretches a seconds {@code until} to the end of its day; so a day
     * {@code from} becomes its first second and a day {@code until} its last (or now, today). Mixed granularities are left for the
     * library to refuse (badArgument).
     */
    static Map<String, String[]> dayDates(Map<String, String[]> parameters) {
        String[] from = parameters.get("from");
        String[] until = parameters.get("until");
        boolean dayFrom = isDay(from);
        boolean dayUntil = isDay(until);
        if (!dayFrom && !dayUntil || dayFrom && until != null && !dayUntil || dayUntil && from != null && !dayFrom) {
            return parameters;
        }
        Map<String, String[]> widened = new LinkedHashMap<>(parameters);
        if (dayFrom) {
            widened.put("from", new String[] {from[0] + "T00:00:00Z"});
        }
        if (dayUntil) {
            Instant end;
            try {
                end = LocalDate.parse(until[0]).atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                return parameters; // not a date: the library answers badArgument
            }
            // The library refuses an until after now; today's last second is, for now, this one.
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            widened.put("until", new String[] {DateProvider.format(end.isAfter(now) ? now : end, Granularity.Second)});
        }
        return widened;
    }

    private static boolean isDay(String[] values) {
        return values != null && values.length == 1 && values[0] != null && DAY.matcher(values[0]).matches();
    }

    private static byte[] write(OAIPMH response, RepositoryConfiguration configuration) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (XmlWriter writer = new XmlWriter(out, configuration)) {
            writer.writeStartDocument("UTF-8", "1.0");
            response.write(writer);
            writer.writeEndDocument();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the OAI-PMH response", e);
        }
        return out.toByteArray();
    }
}
