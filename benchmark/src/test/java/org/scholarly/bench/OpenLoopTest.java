package org.scholarly.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-latency generator against a real HTTP server on a free port. */
class OpenLoopTest {

    private static final long SERVICE_MILLIS = 50;
    private static final long STALL_MILLIS = 200;

    private HttpServer server;
    private ExecutorService handlers;
    private String url;
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger mostConcurrent = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2000);
        server.createContext("/fast", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            Settling.sleep(SERVICE_MILLIS);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/stalling", exchange -> {
            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Settling.sleep(STALL_MILLIS);
            concurrent.decrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
        url = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void keepsFiveHundredRequestsASecondWhileEachAnswerTakesFiftyMilliseconds() throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();

        OpenLoop.Result result = new OpenLoop(new Api()).run(500, 2000, n -> new OpenLoop.Request(url + "/slow", latencies, errors));

        // A generator that waited for answers would send one per 50 ms per thread: 20 a second on one connection,
        // 200 on ten. Here the sends keep the schedule (with room for a busy machine) and every answer arrives.
        // Latencies are not bounded above: on a loaded machine the server in this JVM queues, and that is measured.
        assertThat(result.sent()).isEqualTo(1000);
        assertThat(result.achievedRate()).isGreaterThan(250);
        assertThat(errors.get()).isZero();
        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.percentile(1)).isGreaterThanOrEqualTo(SERVICE_MILLIS);
    }

    @Test
    void holdsAtMostItsConnectionsAndCountsTheWaitForOneInTheLatency() throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();

        // 1,000 requests/s against a server that answers 64 at a time in 200 ms (320/s): the queue grows for the
        // whole second, and the last requests wait about two seconds for a connection.
        new OpenLoop(new Api()).run(1000, 1000, n -> new OpenLoop.Request(url + "/stalling", latencies, errors));

        assertThat(mostConcurrent.get()).isLessThanOrEqualTo(OpenLoop.CONNECTIONS);
        assertThat(errors.get()).isZero();
        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.percentile(99)).isGreaterThan(1500);
    }

    @Test
    void countsLatencyFromWhenARequestWasDueNotFromWhenItWasSent() throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();

        // The generator itself stalls for half a second before request 50: the requests due meanwhile leave late,
        // and their latencies must carry that wait (coordinated omission would report them as fast as the rest).
        OpenLoop.Result result = new OpenLoop(new Api()).run(100, 1000, n -> {
            if (n == 50) {
                Settling.sleep(500);
            }
            return new OpenLoop.Request(url + "/fast", latencies, errors);
        });

        assertThat(errors.get()).isZero();
        assertThat(result.sendLateness().percentile(100)).isGreaterThanOrEqualTo(490);
        assertThat(latencies.percentile(100)).isGreaterThanOrEqualTo(490);
        assertThat(latencies.percentile(99)).isGreaterThanOrEqualTo(400);
    }

    @Test
    void countsAFailedRequestAsAnErrorNotALatency() throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();

        new OpenLoop(new Api()).run(50, 200, n -> new OpenLoop.Request(url + "/missing", latencies, errors));

        assertThat(errors.get()).isEqualTo(10);
        assertThat(latencies.count()).isZero();
    }
}
