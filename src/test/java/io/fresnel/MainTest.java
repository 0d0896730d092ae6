package io.fresnel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void noArgumentsAScenarioFileOrASnapshotOpenTheWindow() {
        assertTrue(Main.opensWindow(new String[0]));
        assertTrue(Main.opensWindow(new String[] {"paper.json"}));
        assertTrue(Main.opensWindow(new String[] {"paper.JSON", "--snapshot", "a.png"}));
        assertTrue(Main.opensWindow(new String[] {"--snapshot", "a.png"}));
        assertTrue(Main.opensWindow(new String[] {"--view", "3d"}));
    }

    @Test
    void commandsRunTheCommandLine() {
        for (String c : new String[] {"eval", "solve", "render", "bench", "--help", "--version"}) {
            assertFalse(Main.opensWindow(new String[] {c, "x.json"}), c);
        }
    }
}
