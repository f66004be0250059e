package org.scholarly.citation.reference;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.scholarly.citation.counts.CitationQueries;
import org.scholarly.citation.resolution.Resolution;
import org.scholarly.support.paging.Cursors;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** The reference list of one article, each entry with how it resolved. */
@Path("/api/v1/citations/articles/{id}/references")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CitationQueries citations;

    public record ReferenceView(int position, String raw, String title, Integer year, String doi, ResolutionView resolution) {
    }

    public record ResolutionView(Resolution.Status status, UUID targetArticleId, Resolution.Method method, Double score) {
    }

    @GET
    @PermitAll
    public Page<ReferenceView> references(@PathParam("id") UUID id, @BeanParam PageParams page) {
        int pageSize = page.limit();
        int after = page.cursor() == null ? 0 : Cursors.decode(page.cursor(), 1, parts -> Integer.parseInt(parts[0]));
        citations.article(id);
        try (Connection c = dataSource.getConnection()) {
            // One row past the page tells whether there is a next one; the rest of the list is never read.
            return Page.of(ReferenceStore.pageOf(c, id, after, pageSize + 1), pageSize, r -> Cursors.encode(r.position()),
                    ReferenceResource::view);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReferenceView view(StoredReference r) {
        Resolution res = r.resolution();
        return new ReferenceView(r.position(), r.input().raw(), r.input().title(), r.input().year(), r.input().doi(),
                new ResolutionView(res.status(), res.target(), res.method(), res.score()));
    }
}
