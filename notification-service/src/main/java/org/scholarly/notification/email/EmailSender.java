package org.scholarly.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.delivery.SendOutcome;

import java.time.Duration;

/**
 * Sends one rendered notification over SMTP; the mailer encodes non-ASCII subjects (RFC 2047) and bodies (UTF-8).
 * Each email ends by {@code notification.email.deadline}: the mailer has no socket read or write timeout of its
 * own, so an SMTP server that accepts the connection and then goes quiet would otherwise hold a worker for ever.
 *
 * <p>Every send starts on one and the same Vert.x context, as it did when a single scheduler thread sent them all,
 * although several delivery workers now call in: the mail client's pooled connections then stay on one event loop
 * instead of being handed between the event loops that each worker thread would otherwise be given.
 */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final Duration deadline;
    private final Context context;

    public EmailSender(ReactiveMailer mailer, NotificationConfig config, Vertx vertx) {
        this.mailer = mailer;
        this.deadline = config.email().deadline();
        this.context = vertx.getOrCreateContext();
    }

    public SendOutcome send(String to, String subject, String body, String messageKey) {
        try {
            mailer.send(Mail.withText(to, subject, body).addHeader("X-Notification-Id", messageKey))
                    .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()))
                    .await().atMost(deadline);
            return SendOutcome.delivered(null);
        } catch (TimeoutException e) {
            return SendOutcome.timedOut(deadline);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SendOutcome.failed(null, "SMTP: " + message);
        }
    }
}
