package io.fresnel.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

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
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        redo.push(current);
        return Optional.of(undo.pop());
    }

    /**
     * Steps forward again.
     *
     * @param current the present state, which becomes undoable
     * @return the state to restore, or empty when there is nothing to redo
     */
    public Optional<T> redo(T current) {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        undo.push(current);
        return Optional.of(redo.pop());
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
