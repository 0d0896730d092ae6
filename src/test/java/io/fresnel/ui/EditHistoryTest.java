package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    @Test
    void undoAndRedoWalkTheCommittedStates() {
        EditHistory<String> h = new EditHistory<>();
        h.committed("a");
        h.committed("b");
        assertEquals(Optional.of("b"), h.undo("c"));
        assertEquals(Optional.of("a"), h.undo("b"));
        assertFalse(h.canUndo());
        assertEquals(Optional.of("b"), h.redo("a"));
        assertEquals(Optional.of("c"), h.redo("b"));
        assertFalse(h.canRedo());
    }

    @Test
    void aNewEditClearsTheRedoSteps() {
        EditHistory<String> h = new EditHistory<>();
        h.committed("a");
        h.undo("b");
        assertTrue(h.canRedo());
        h.committed("a");
        assertFalse(h.canRedo());
    }

    @Test
    void theOldestStepsAreForgottenBeyondTheLimit() {
        EditHistory<Integer> h = new EditHistory<>();
        for (int i = 0; i < EditHistory.LIMIT + 10; i++) {
            h.committed(i);
        }
        int steps = 0;
        Integer last = null;
        Integer current = -1;
        while (h.canUndo()) {
            last = h.undo(current).orElseThrow();
            current = last;
            steps++;
        }
        assertEquals(EditHistory.LIMIT, steps);
        assertEquals(10, last);
    }
}
