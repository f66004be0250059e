package org.scholarly.notification.delivery;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.paging.PageRequest;
import org.scholarly.notification.subscription.Subscription;
import org.scholarly.support.paging.Page;
import org.scholarly.support.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class DeliveryService {

    private final NotificationConfig config;

    public DeliveryService(NotificationConfig config) {
        this.config = config;
    }

    /** Newest first. */
    public Page<DeliveryView> list(UUID subscriptionId, DeliveryStatus status, PageRequest page) {
        StringBuilder query = new StringBuilder("seq < :before");
        Parameters parameters = Parameters.with("before", page.after() == null ? Long.MAX_VALUE : page.after());
        if (subscriptionId != null) {
            query.append(" and subscriptionId = :subscription");
            parameters.and("subscription", subscriptionId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        List<Delivery> rows = Delivery.<Delivery>find(query + " order by seq desc", parameters).page(0, page.limit() + 1).list();
        Map<UUID, List<DeliveryAttempt>> attempts = attemptsOf(rows.stream().map(d -> d.id).toList());
        return page.page(rows, d -> d.seq, d -> DeliveryView.of(d, attempts.getOrDefault(d.id, List.of())));
    }

    public DeliveryView get(UUID id) {
        Delivery d = find(id);
        return DeliveryView.of(d, attemptsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /** A FAILED delivery gets a fresh round of attempts, starting now. */
    @Transactional
    public DeliveryView retry(UUID id) {
        Delivery d = Delivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("No delivery " + id);
        }
        if (d.status != DeliveryStatus.FAILED) {
            throw ProblemException.conflict("Delivery " + id + " is " + d.status + "; only a FAILED delivery can be retried");
        }
        Subscription subscription = Subscription.findById(d.subscriptionId);
        if (subscription == null || subscription.deletedAt != null) {
            throw ProblemException.conflict("The subscription of delivery " + id + " was deleted");
        }
        d.status = DeliveryStatus.PENDING;
        d.maxAttempts = d.attemptCount + config.delivery().retry().maxAttempts();
        d.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC);
        d.updatedAt = d.nextAttemptAt;
        d.leaseToken = null;
        return DeliveryView.of(d, attemptsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    private static Delivery find(UUID id) {
        Delivery d = Delivery.findById(id);
        if (d == null) {
            throw ProblemException.notFound("No delivery " + id);
        }
        return d;
    }

    private static Map<UUID, List<DeliveryAttempt>> attemptsOf(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return DeliveryAttempt.<DeliveryAttempt>find("deliveryId in ?1 order by attemptNumber", deliveryIds).stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId));
    }
}
