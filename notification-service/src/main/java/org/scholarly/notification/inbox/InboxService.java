package org.scholarly.notification.inbox;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.scholarly.notification.paging.PageRequest;
import org.scholarly.support.paging.Page;
import org.scholarly.support.problem.ProblemException;
import org.scholarly.support.security.Roles;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A reader sees only the inbox whose recipient id is its token subject; an editor sees any. */
@ApplicationScoped
public class InboxService {


    /** Newest first. */
    public Page<InboxMessageView> list(SecurityIdentity caller, String recipient, boolean unreadOnly, PageRequest page) {
        if (recipient == null || recipient.isBlank()) {
            throw ProblemException.invalidField("recipient", "is required");
        }
        requireAccess(caller, recipient);
        String query = "recipient = :recipient and seq < :before" + (unreadOnly ? " and readAt is null" : "") + " order by seq desc";
        List<InboxMessage> rows = InboxMessage.<InboxMessage>find(query, Parameters.with("recipient", recipient)
                .and("before", page.after() == null ? Long.MAX_VALUE : page.after())).page(0, page.limit() + 1).list();
        return page.page(rows, m -> m.seq, InboxMessageView::of);
    }

    /** Idempotent: marking a read message again keeps its first read time. */
    @Transactional
    public InboxMessageView markRead(SecurityIdentity caller, UUID id) {
        InboxMessage message = InboxMessage.findById(id);
        if (message == null) {
            throw ProblemException.notFound("No inbox message " + id);
        }
        requireAccess(caller, message.recipient);
        if (message.readAt == null) {
            message.readAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return InboxMessageView.of(message);
    }

    private static void requireAccess(SecurityIdentity caller, String recipient) {
        if (!caller.hasRole(Roles.EDITOR) && !recipient.equals(subjectOf(caller))) {
            throw ProblemException.forbidden("A reader may only read its own inbox");
        }
    }

    /** The token's {@code sub} claim, which is the recipient id; {@code upn} may differ from it. */
    private static String subjectOf(SecurityIdentity caller) {
        return caller.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : caller.getPrincipal().getName();
    }
}
