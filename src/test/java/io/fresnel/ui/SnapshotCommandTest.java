package io.fresnel.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.GoldenFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fresnel SCENARIO.json --snapshot OUT.png} in its own JVM (JavaFX starts once per JVM),
 * headless with Monocle: it waits for the full-resolution heatmap, writes an image of the whole
 * window and exits 0.
 */
class SnapshotCommandTest {

    @Test
    void theSnapshotOptionWritesAnImageOfTheWindowAndExitsZero(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path scenario = GoldenFiles.goldenDir().resolve("public/p_nf_conditioning_n128.scenario.json");
        Path png = dir.resolve("window.png");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dheadless.geometry=1280x800-32", "-cp", System.getProperty("java.class.path"),
                "io.fresnel.Main", scenario.toString(), "--snapshot", png.toString()))
                .redirectErrorStream(true).start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "the snapshot did not finish: " + output);
        assertEquals(0, p.exitValue(), output);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 500, image.getWidth() + "x" + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 200, "a window with a heatmap has many colours, got " + colours.size());
    }
}
