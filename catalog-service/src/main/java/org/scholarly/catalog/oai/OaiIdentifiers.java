package org.scholarly.catalog.oai;

import java.util.Optional;
import java.util.UUID;

/** oai:&lt;namespace&gt;:&lt;article id&gt;, the OAI identifier scheme of the catalog's articles. */
record OaiIdentifiers(String namespace) {

    String of(UUID articleId) {
        return "oai:" + namespace + ":" + articleId;
    }

    Optional<UUID> articleId(String identifier) {
        String prefix = "oai:" + namespace + ":";
        if (identifier == null || !identifier.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            String rest = identifier.substring(prefix.length());
            UUID id = UUID.fromString(rest);
            // UUID.fromString accepts unpadded forms; only the canonical spelling names a record.
            return id.toString().equals(rest) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The oai-identifier description of Identify, so that harvesters know the scheme. */
    String description(UUID sample) {
        return "<oai-identifier xmlns=\"http://www.openarchives.org/OAI/2.0/oai-identifier\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai-identifier"
                + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd\">"
                + "<scheme>oai</scheme><repositoryIdentifier>" + namespace + "</repositoryIdentifier>"
                + "<delimiter>:</delimiter><sampleIdentifier>" + of(sample) + "</sampleIdentifier></oai-identifier>";
    }
}
