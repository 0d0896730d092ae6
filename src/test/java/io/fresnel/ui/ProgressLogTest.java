package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class ProgressLogTest {

    @Test
    void manyStepsQueueOneUiTaskAndArriveInOrder() {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        List<ProgressLog.Step> got = new ArrayList<>();
        ProgressLog log = new ProgressLog(ui::add, got::addAll);
        for (int i = 1; i <= 500; i++) {
            log.add(new ProgressLog.Step(1, i, i * 0.5));
        }
        assertEquals(1, ui.size(), "one drain task for the burst");
        ui.poll().run();
        assertEquals(500, got.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i + 1, got.get(i).iteration());
        }
        log.add(new ProgressLog.Step(2, 1, 0));
        assertEquals(1, ui.size(), "a new task after the drain");
    }
}
