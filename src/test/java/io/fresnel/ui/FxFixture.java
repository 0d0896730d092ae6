package io.fresnel.ui;

import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window tests share: a view model on a scenario with its file thread (as the app makes
 * them), the parts a test closes afterwards (on the FX thread, in the order given; the model
 * itself when nothing else is given), and {@link #onFx} to read or change state on the FX thread.
 */
final class FxFixture implements AutoCloseable {
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ExplorerViewModel model;
    private final List<AutoCloseable> closers = new ArrayList<>();

    /** @param initial the scenario the model opens with */
    FxFixture(Scenario initial) {
        model = new ExplorerViewModel(initial, Platform::runLater, io);
    }

    /** @return the view model */
    ExplorerViewModel model() {
        return model;
    }

    /**
     * @param parts what to close after the test (e.g. the window, which closes its model too; or a
     *     panel and then the model)
     * @return this fixture
     */
    FxFixture closing(AutoCloseable... parts) {
        closers.addAll(List.of(parts));
        return this;
    }

    /** Closes what was given on the FX thread, then the file thread. */
    @Override
    public void close() throws Exception {
        List<AutoCloseable> parts = closers.isEmpty() ? List.of(model) : closers;
        WaitForAsyncUtils.asyncFx(() -> {
            for (AutoCloseable c : parts) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }).get(10, TimeUnit.SECONDS);
        io.shutdown();
    }

    /**
     * @param s what to compute on the FX thread
     * @return its value (within 10 s)
     * @throws Exception when it throws (wrapped by the FX call) or does not finish in time
     */
    static <T> T onFx(Supplier<T> s) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> out.set(s.get())).get(10, TimeUnit.SECONDS);
        return out.get();
    }
}
