package org.scholarly.catalog.oai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The OAI-PMH endpoint at /oai: how it names itself and its records, and its limits. */
@ConfigMapping(prefix = "oai")
public interface OaiConfig {

    /** repositoryName in Identify. */
    @WithDefault("Scholarly journal catalog")
    String repositoryName();

    /** adminEmail in Identify (the protocol requires one). */
    @WithDefault("catalog-admin@scholarly.local")
    String adminEmail();

    /**
     * baseURL in Identify and in every request element. Without it the URL the request came in on is used, which is
     * right unless a proxy rewrites the path.
     */
    Optional<String> baseUrl();

    /** The namespace part of oai:&lt;namespace&gt;:&lt;article id&gt; identifiers; a domain name the operator owns. */
    @WithDefault("scholarly.local")
    String identifierNamespace();

    /** Headers per ListIdentifiers page and records per ListRecords page. */
    @WithDefault("100")
    int pageSize();

    /** Sets per ListSets page. */
    @WithDefault("100")
    int setPageSize();

    /** The largest POST form accepted, in bytes; above it 413 (problem+json). */
    @WithDefault("4096")
    int maxFormBytes();

    /** The longest argument value accepted; longer ones are a badArgument. Tokens and identifiers are far shorter. */
    @WithDefault("256")
    int maxArgumentLength();
}
