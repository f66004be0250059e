package org.scholarly.notification.subscription;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.events.NotificationTypes;
import org.scholarly.notification.paging.PageRequest;
import org.scholarly.notification.webhook.RefusedTargetException;
import org.scholarly.notification.webhook.TargetPolicy;
import org.scholarly.notification.webhook.WebhookSecrets;
import org.scholarly.notification.webhook.WebhookSigner;
import org.scholarly.support.paging.Page;
import org.scholarly.support.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

@ApplicationScoped
public class SubscriptionService {

    private static final Pattern RECIPIENT = Pattern.compile("^[A-Za-z0-9._@:-]{1,200}$");

    private final TargetPolicy targetPolicy;
    private final EntityManager em;
    private final WebhookSecrets secrets;

    public SubscriptionService(NotificationConfig config, EntityManager em, WebhookSecrets secrets) {
        this.targetPolicy = new TargetPolicy(config.webhook().allowPrivateTargets());
        this.em = em;
        this.secrets = secrets;
    }

    @Transactional
    public SubscriptionView create(SubscriptionRequest request, String actor) {
        List<String> unknown = request.eventTypes().stream().filter(t -> !NotificationTypes.ALL.contains(t)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("eventTypes", "unknown type(s) " + unknown + "; known: "
                    + NotificationTypes.ALL.stream().sorted().toList());
        }
        checkTarget(request.channel(), request.target().trim());

        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.channel = request.channel();
        s.target = request.target().trim();
        s.eventTypes = request.eventTypes().stream().sorted().toArray(String[]::new);
        s.journalId = request.journalId();
        s.articleId = request.articleId();
        s.locale = request.locale();
        String secret = s.channel == Channel.WEBHOOK ? WebhookSigner.newSecret() : null;
        s.secret = secret == null ? null : secrets.seal(secret);
        s.createdBy = actor;
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
        return SubscriptionView.of(s).withSecret(secret);
    }

    public Page<SubscriptionView> list(PageRequest page) {
        List<Subscription> rows = Subscription.<Subscription>find("deletedAt is null and seq > :after order by seq",
                        Parameters.with("after", page.after() == null ? 0L : page.after()))
                .page(0, page.limit() + 1).list();
        return page.page(rows, s -> s.seq, SubscriptionView::of);
    }

    public SubscriptionView get(UUID id) {
        return SubscriptionView.of(active(id));
    }

    /** Soft delete: the history stays readable, and deliveries not yet made are given up. */
    @Transactional
    public void delete(UUID id) {
        Subscription s = active(id);
        s.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("UPDATE delivery SET status = 'FAILED', last_error = 'subscription deleted', lease_token = NULL, "
                        + "updated_at = now() WHERE subscription_id = :id AND status = 'PENDING'")
                .setParameter("id", id)
                .executeUpdate();
    }

    private Subscription active(UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null || s.deletedAt != null) {
            throw ProblemException.notFound("No subscription " + id);
        }
        return s;
    }

    private void checkTarget(Channel channel, String target) {
        switch (channel) {
            case EMAIL -> {
                if (!EmailAddresses.isPlausible(target)) {
                    throw ProblemException.invalidField("target", "must be an email address for channel EMAIL");
                }
            }
            case INBOX -> {
                if (!RECIPIENT.matcher(target).matches()) {
                    throw ProblemException.invalidField("target", "must be a recipient id (letters, digits, . _ @ : -) for channel INBOX");
                }
            }
            case WEBHOOK -> {
                try {
                    targetPolicy.requireAllowed(target);
                } catch (RefusedTargetException e) {
                    throw ProblemException.unprocessable("Webhook target " + e.getMessage());
                }
            }
        }
    }
}
