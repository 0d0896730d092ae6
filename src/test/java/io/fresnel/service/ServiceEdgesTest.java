package io.fresnel.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.io.Presets;
import io.fresnel.model.Scenario;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cancelling an idle worker, and a closed service refusing requests. */
class ServiceEdgesTest {
    /** A guard against a hung test, not a timing assertion. */
    private static final long GUARD_S = 10;

    @Test
    void cancellingAnIdleWorkerIsHarmlessAndTheWorkerCarriesOn() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> got = new AtomicReference<>();
        try (LatestRequestWorker<String, String> worker = new LatestRequestWorker<>("idle-worker", (q, c) -> q)) {
            assertDoesNotThrow(worker::cancel);
            worker.submit("after", o -> {
                got.set(((Outcome.Success<String>) o).value());
                done.countDown();
            });
            assertTrue(done.await(GUARD_S, TimeUnit.SECONDS), "timed out waiting for the worker");
        }
        assertEquals("after", got.get());
    }

    @Test
    void aClosedServiceRefusesRequests() throws Exception {
        Scenario s = Presets.defaultScenario();
        SolverService service = new SolverService(new SolverListener() {
            @Override
            public void onResult(Evaluation evaluation) {
            }

            @Override
            public void onFailure(Throwable error) {
            }
        });
        service.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> service.submit(s, null));
        assertTrue(e.getMessage().contains("fresnel-solver"), e.getMessage());
    }
}
