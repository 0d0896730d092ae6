package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's command line is checked before any window opens. */
class AppLauncherTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AppLauncher.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(status), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aRejectedScenarioExits2WithTheReasonAndNoWindow() {
        Path bad = GoldenFiles.goldenDir().resolve("bad/ula_zero_elements.json");
        String[] r = run(bad.toString(), "--snapshot", "never.png");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("tx_array.ula.elements"), r[1]);
    }

    @Test
    void aMissingFileOrAStrayArgumentExits2() {
        assertEquals("2", run("does-not-exist.json")[0]);
        assertEquals("2", run("a.json", "--frobnicate")[0]);
        assertEquals("2", run("--snapshot")[0]);
    }

    @Test
    void theOptionsAreParsed() {
        FresnelApp.LaunchOptions o = FresnelApp.LaunchOptions.parse(List.of("s.json", "--snapshot", "o.png"));
        assertEquals(Path.of("s.json"), o.scenario());
        assertEquals(Path.of("o.png"), o.snapshot());
        assertEquals(null, FresnelApp.LaunchOptions.parse(List.of()).scenario());
        assertEquals(false, o.view3d());
        assertEquals(true, FresnelApp.LaunchOptions.parse(List.of("s.json", "--view", "3d", "--snapshot", "o.png"))
                .view3d());
        assertEquals(true, FresnelApp.LaunchOptions.parse(List.of("--view=3d")).view3d());
    }

    @Test
    void aViewOtherThan2dOr3dIsRejectedWithExit2() {
        String[] r = run("--view", "4d");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--view must be 2d or 3d"), r[1]);
    }
}
