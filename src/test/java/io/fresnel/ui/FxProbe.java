package io.fresnel.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Probes the FX thread: a {@code runLater} round trip every 20 ms, its latency (ms) counted in a
 * fixed histogram of 1 ms bins up to {@value #CAP_MS} ms, so that a long run keeps constant memory
 * (a list of every latency grew by about 22,000 boxed values in a 10,000-operation run and showed
 * as heap growth of the window). A round trip over {@value #STALL_MS} ms records what the FX thread
 * was doing (the first {@value #KEPT_STALLS} are kept, the others counted).
 */
final class FxProbe {
    /** A round trip longer than this records what the FX thread was doing (ms). */
    static final long STALL_MS = 400;
    /** Longer round trips are counted as this (ms); the probe gives up waiting there. */
    static final int CAP_MS = 60_000;
    static final int KEPT_STALLS = 4;
    private final long[] histogram = new long[CAP_MS + 1];
    private long count;
    private long worst;
    private int stallCount;
    private final List<String> stalls = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean paused;
    private final Thread thread = new Thread(this::loop, "fx-probe");

    void start() {
        thread.setDaemon(true);
        thread.start();
    }

    /** @param p true: no probes (while the test itself holds the FX thread or measures the heap) */
    void pause(boolean p) {
        paused = p;
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(60_000);
    }

    private void loop() {
        while (running) {
            try {
                if (!paused) {
                    CountDownLatch ran = new CountDownLatch(1);
                    long t0 = System.nanoTime();
                    Platform.runLater(ran::countDown);
                    if (!ran.await(STALL_MS, TimeUnit.MILLISECONDS)) {
                        stalled(fxStack());
                    }
                    if (!ran.await(CAP_MS, TimeUnit.MILLISECONDS)) {
                        record(CAP_MS);
                    } else if (!paused) {
                        record((System.nanoTime() - t0) / 1_000_000);
                    }
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(long ms) {
        int bin = (int) Math.min(ms, CAP_MS);
        histogram[bin]++;
        count++;
        worst = Math.max(worst, bin);
    }

    private synchronized void stalled(String where) {
        stallCount++;
        if (stalls.size() < KEPT_STALLS) {
            stalls.add(where);
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized long worstMs() {
        return worst;
    }

    /**
     * @param p the percentile, 0 to 100
     * @return the smallest latency (ms) that at least p % of the round trips did not exceed; 0 with none
     */
    synchronized long percentileMs(int p) {
        long need = (long) Math.ceil(count * p / 100.0);
        long seen = 0;
        for (int ms = 0; ms <= CAP_MS && count > 0; ms++) {
            seen += histogram[ms];
            if (seen >= need && seen > 0) {
                return ms;
            }
        }
        return 0;
    }

    /** @return what the FX thread was doing in the first stalls (for the report), or "" */
    synchronized String stalls() {
        return stalls.isEmpty() ? "" : "; FX thread stalled (" + stallCount + " probes over " + STALL_MS
                + " ms), in: " + String.join(" || ", stalls);
    }

    private static String fxStack() {
        for (var e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().equals("JavaFX Application Thread")) {
                StringBuilder sb = new StringBuilder();
                StackTraceElement[] st = e.getValue();
                for (int i = 0; i < Math.min(st.length, 14); i++) {
                    sb.append(i == 0 ? "" : " < ").append(st[i].getClassName().replaceAll(".*\\.", "")).append('.')
                            .append(st[i].getMethodName());
                }
                return sb.toString();
            }
        }
        return "(no FX thread)";
    }
}
