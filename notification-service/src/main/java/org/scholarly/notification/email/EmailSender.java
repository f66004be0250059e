package org.scholarly.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.scholarly.notification.delivery.SendOutcome;

/** Sends one rendered notification over SMTP; the mailer encodes non-ASCII subjects (RFC 2047) and bodies (UTF-8). */
@ApplicationScoped
public class EmailSender {

    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public SendOutcome send(String to, String subject, String body, String messageKey) {
        try {
            mailer.send(Mail.withText(to, subject, body).addHeader("X-Notification-Id", messageKey));
            return SendOutcome.delivered(null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SendOutcome.failed(null, "SMTP: " + message);
        }
    }
}
