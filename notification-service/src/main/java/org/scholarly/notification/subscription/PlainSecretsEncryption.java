package org.scholarly.notification.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.scholarly.notification.webhook.WebhookSecrets;

import java.util.List;
import java.util.UUID;

/**
 * Encrypts, at startup, webhook secrets stored in plain text before encryption came in. A migration could not do
 * it, since the key lives in configuration, not in the database. Each row is rewritten only if it still holds the
 * plain value read, so that instances starting at the same time do no harm to each other; until a row is done,
 * {@link WebhookSecrets#open} still accepts its plain value. Running it at startup also refuses to start with a
 * key that is not a usable AES-256 key.
 */
@ApplicationScoped
public class PlainSecretsEncryption {

    private static final Logger LOG = Logger.getLogger(PlainSecretsEncryption.class);

    private final EntityManager em;
    private final WebhookSecrets secrets;

    public PlainSecretsEncryption(EntityManager em, WebhookSecrets secrets) {
        this.em = em;
        this.secrets = secrets;
    }

    void onStart(@Observes StartupEvent started) {
        int encrypted = encryptPlainSecrets();
        if (encrypted > 0) {
            LOG.infof("Encrypted %d webhook secret(s) that were stored in plain text", encrypted);
        }
    }

    /** @return how many rows were encrypted */
    public int encryptPlainSecrets() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> plain = em.createNativeQuery(
                            "SELECT id, secret FROM subscription WHERE secret IS NOT NULL AND secret NOT LIKE :sealed")
                    .setParameter("sealed", WebhookSecrets.PREFIX + "%")
                    .getResultList();
            int encrypted = 0;
            for (Object[] row : plain) {
                encrypted += em.createNativeQuery("UPDATE subscription SET secret = :sealed WHERE id = :id AND secret = :plain")
                        .setParameter("sealed", secrets.seal((String) row[1]))
                        .setParameter("id", (UUID) row[0])
                        .setParameter("plain", row[1])
                        .executeUpdate();
            }
            return encrypted;
        });
    }
}
