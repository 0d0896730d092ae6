package io.fresnel.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;

/**
 * Undo/redo of immutable states: each committed edit pushes the state it replaced. Bounded to
 * {@link #LIMIT} steps; the oldest are forgotten first.
 *
 * @param <T> the (immutable) state type
 */
public final class EditHistory<T> {
    /** Most undo steps kept. */
    public static final int LIMIT = 200;

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();

    /**
     * Records that {@code before} was replaced by an edit; clears the redo steps.
     *
     * @param before the state before the edit (not null)
     */
    public void committed(T before) {
        undo.push(before);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
    }

    /**
     * Steps back.
     *
     * @param current the present state, which becomes redoable
     * @return the state to restore, or empty when there is nothing to undo
     */
    public Optional<T> undo(T current) {
        return undo(back -> current);
    }

    /**
     * Steps back, making the present state redoable in the form the restored step asks for (e.g.
     * a step that also changed a setting besides the state records the present setting too).
     *
     * @param current the present state, given the state to restore
     * @return the state to restore, or empty when there is nothing to undo
     */
    public Optional<T> undo(Function<? super T, ? extends T> current) {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        T back = undo.pop();
        redo.push(current.apply(back));
        return Optional.of(back);
    }

    /**
     * Steps forward again.
     *
     * @param current the present state, which becomes undoable
     * @return the state to restore, or empty when there is nothing to redo
     */
    public Optional<T> redo(T current) {
        return redo(forward -> current);
    }

    /**
     * Steps forward again, making the present state undoable in the form the restored step asks for.
     *
     * @param current the present state, given the state to restore
     * @return the state to restore, or empty when there is nothing to redo
     */
    public Optional<T> redo(Function<? super T, ? extends T> current) {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        T forward = redo.pop();
        undo.push(current.apply(forward));
        return Optional.of(forward);
    }

    /** @return whether {@link #undo} would do something */
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** @return whether {@link #redo} would do something */
    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Forgets every step (e.g. after opening another file). */
    public void clear() {
        undo.clear();
        redo.clear();
    }
}
