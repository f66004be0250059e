package org.scholarly.citation.build;

/**
 * A campaign's progress as one caller may see it: editors get {@link ReferenceBuildView}, everyone else
 * {@link ReferenceBuildPublicView}, which has no field for who started the campaign.
 */
public sealed interface ReferenceBuildProgress permits ReferenceBuildView, ReferenceBuildPublicView {
}
