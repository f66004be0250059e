package org.scholarly.catalog.oai;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.scholarly.catalog.common.Bodies;
import org.scholarly.support.problem.ProblemException;
import org.scholarly.support.ratelimit.ReadOnly;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OAI-PMH 2.0 for aggregators and repositories: GET with the arguments in the query, or POST with them as a form,
 * as the protocol allows. Public, like the published catalog it exposes.
 */
@Path("/oai")
public class OaiResource {

    static final String XML = "text/xml;charset=UTF-8";

    @Inject
    OaiService oai;
    @Inject
    OaiConfig config;
    @Context
    UriInfo uri;

    @GET
    @PermitAll
    @Produces(XML)
    @APIResponse(responseCode = "200", description = "An OAI-PMH response document; protocol errors are inside it, as OAI-PMH requires",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING, description = "OAI-PMH 2.0 XML")))
    @Parameter(name = "verb", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), required = true, description = "Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords or GetRecord")
    @Parameter(name = "metadataPrefix", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "oai_dc or jats")
    @Parameter(name = "identifier", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "oai:<namespace>:<article id>")
    @Parameter(name = "set", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "journal:<id> or area:<level>:<level>")
    @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "UTC datestamp, inclusive")
    @Parameter(name = "until", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "UTC datestamp, inclusive")
    @Parameter(name = "resumptionToken", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "the token of the previous page")
    public byte[] get() {
        return oai.respond(arguments(uri.getQueryParameters()), baseUrl());
    }

    /**
     * The same request as a form; it only reads, so it is limited as an anonymous read, not as a write. The form is
     * read here, up to {@code oai.max-form-bytes}, rather than decoded whole by the framework first.
     */
    @POST
    @PermitAll
    @ReadOnly
    @Extension(name = "x-read-only", value = "true")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(XML)
    @RequestBody(required = true, description = "The protocol's arguments as a form, up to oai.max-form-bytes",
            content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = OaiArguments.class)))
    @APIResponse(responseCode = "200", description = "An OAI-PMH response document; protocol errors are inside it, as OAI-PMH requires",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING, description = "OAI-PMH 2.0 XML")))
    public byte[] post(@Parameter(hidden = true) InputStream body,
                       @Parameter(hidden = true) @HeaderParam("Content-Length") Long contentLength) {
        byte[] form = Bodies.readAtMost(body, contentLength, config.maxFormBytes());
        return oai.respond(form(new String(form, StandardCharsets.UTF_8)), baseUrl());
    }

    /** The protocol's arguments, as the API document shows the form. */
    @Schema(name = "OaiArguments")
    record OaiArguments(@Schema(required = true) String verb, String metadataPrefix, String identifier, String set,
                        String from, String until, String resumptionToken) {
    }

    private String baseUrl() {
        return uri.getBaseUriBuilder().path("oai").replaceQuery(null).build().toString();
    }

    private static Map<String, String[]> form(String form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("The form is not application/x-www-form-urlencoded: " + e.getMessage());
            }
        }
        Map<String, String[]> arguments = new LinkedHashMap<>();
        fields.forEach((name, values) -> arguments.put(name, values.toArray(String[]::new)));
        return arguments;
    }

    private static Map<String, String[]> arguments(MultivaluedMap<String, String> parameters) {
        Map<String, String[]> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            arguments.put(parameter.getKey(), parameter.getValue().toArray(String[]::new));
        }
        return arguments;
    }
}
