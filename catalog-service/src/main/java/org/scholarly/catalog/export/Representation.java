package org.scholarly.catalog.export;

import jakarta.ws.rs.core.MediaType;

/** What an article or a listing can be sent as; {@code name} is the {@code format} query value. */
public enum Representation {
    JSON(MediaType.APPLICATION_JSON_TYPE, "json"),
    BIBTEX(new MediaType("application", "x-bibtex"), "bibtex"),
    RIS(new MediaType("application", "x-research-info-systems"), "ris"),
    CSL_JSON(new MediaType("application", "vnd.citationstyles.csl+json"), "csl-json"),
    BIBLIOGRAPHY(new MediaType("text", "x-bibliography"), "bibliography"),
    NDJSON(new MediaType("application", "x-ndjson"), "ndjson");

    private final MediaType mediaType;
    private final String formatName;

    Representation(MediaType mediaType, String formatName) {
        this.mediaType = mediaType;
        this.formatName = formatName;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String formatName() {
        return formatName;
    }

    /** The Content-Type sent: every text format here is UTF-8, Hangul included. */
    public String contentType() {
        return this == JSON || this == CSL_JSON ? mediaType.toString() : mediaType + "; charset=UTF-8";
    }
}
