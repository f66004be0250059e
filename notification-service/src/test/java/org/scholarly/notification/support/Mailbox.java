package org.scholarly.notification.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a test mailbox over IMAP; GreenMail creates the account (login and password = the address) on receipt. */
public final class Mailbox {

    public record Mail(String subject, String rawSubject, String body, String contentType) {
    }

    private Mailbox() {
    }

    public static List<Mail> of(String address) {
        int port = ConfigProvider.getConfig().getValue(GreenMailResource.IMAP_PORT, Integer.class);
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", port, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                String[] raw = message.getHeader("Subject");
                mails.add(new Mail(message.getSubject(), raw == null ? null : raw[0], String.valueOf(message.getContent()),
                        message.getContentType()));
            }
            inbox.close(false);
            return mails;
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // no mail has arrived yet, so the account does not exist yet
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address, e);
        }
    }
}
