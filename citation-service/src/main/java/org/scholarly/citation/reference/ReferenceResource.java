package org.scholarly.citation.reference;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.scholarly.citation.counts.CitationQueries;
import org.scholarly.citation.paging.Paging;
import org.scholarly.citation.resolution.Resolution;
import org.scholarly.support.problem.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    public Paging.Page<ReferenceView> references(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                                 @QueryParam("limit") Integer limit) {
        int pageSize = Paging.limit(limit);
        citations.article(id);
        int after = 0;
        if (cursor != null) {
            try {
                after = Integer.parseInt(Paging.decode(cursor, 1)[0]);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this endpoint issued");
            }
        }
        try (Connection c = dataSource.getConnection()) {
            // One row past the page tells whether there is a next one; the rest of the list is never read.
            List<StoredReference> rows = ReferenceStore.pageOf(c, id, after, pageSize + 1);
            List<ReferenceView> items = new ArrayList<>();
            for (StoredReference r : rows.subList(0, Math.min(pageSize, rows.size()))) {
                Resolution res = r.resolution();
                items.add(new ReferenceView(r.position(), r.input().raw(), r.input().title(), r.input().year(), r.input().doi(),
                        new ResolutionView(res.status(), res.target(), res.method(), res.score())));
            }
            String next = rows.size() > pageSize ? Paging.encode(String.valueOf(items.get(items.size() - 1).position())) : null;
            return new Paging.Page<>(items, next);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
