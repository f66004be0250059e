package org.scholarly.notification.webhook;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.notification.delivery.SendOutcome;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender checks the target right before the call and calls nothing the policy refuses. */
class WebhookSenderTest {

    private static final WebhookSecrets SECRETS = WebhookSecrets.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void refusesANameThatResolvesToABlockedAddressWithoutConnecting() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // A DNS answer that points a public-looking name at the service's own loopback.
            TargetPolicy policy = new TargetPolicy(false, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
            WebhookSender sender = new WebhookSender(policy, SECRETS, call());

            SendOutcome outcome = sender.send("https://hooks.example.com:" + listener.getLocalPort() + "/hook",
                    SECRETS.seal(WebhookSigner.newSecret()), "d-1", "{}");

            assertThat(outcome).isEqualTo(SendOutcome.refused("refused target"));
            listener.setSoTimeout(300);
            assertThat(acceptsAConnection(listener)).as("nothing connected to the refused address").isFalse();
        }
    }

    @Test
    void aHostThatDoesNotResolveAtSendTimeIsARetryableFailureThatNamesNothing() {
        TargetPolicy policy = new TargetPolicy(false, host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        });
        WebhookSender sender = new WebhookSender(policy, SECRETS, call());

        SendOutcome outcome = sender.send("https://hooks.example.com/hook", SECRETS.seal(WebhookSigner.newSecret()), "d-2", "{}");

        assertThat(outcome).isEqualTo(SendOutcome.failed(null, "connection failed"));
        assertThat(outcome.permanent()).isFalse();
    }

    @Test
    void aSecretSealedUnderAnotherKeyFailsTheAttemptWithoutCallingOrCrashing() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WebhookSender sender = new WebhookSender(new TargetPolicy(true), SECRETS, call());
            byte[] otherKey = new byte[32];
            otherKey[31] = 7;
            String sealedElsewhere = WebhookSecrets.withKey(Base64.getEncoder().encodeToString(otherKey))
                    .seal(WebhookSigner.newSecret());

            SendOutcome outcome = sender.send("http://127.0.0.1:" + listener.getLocalPort() + "/hook", sealedElsewhere, "d-3", "{}");

            assertThat(outcome).isEqualTo(SendOutcome.failed(null, "signing secret unreadable"));
            listener.setSoTimeout(300);
            assertThat(acceptsAConnection(listener)).isFalse();
        }
    }

    private static PinnedCall call() {
        return new PinnedCall(vertx, new PinnedCall.Limits(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(3), 1024), null);
    }

    private static boolean acceptsAConnection(ServerSocket listener) throws Exception {
        try (Socket ignored = listener.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
