package io.fresnel.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes an image of a node (the whole window's content) to PNG: the snapshot is taken on the
 * FX thread (it reads the scene graph), the encoding and the atomic write happen on a
 * background thread, and the outcome comes back on the FX thread.
 */
public final class WindowSnapshot {
    private WindowSnapshot() {
    }

    /**
     * @param node what to capture (must be in a showing scene); called on the FX thread
     * @param out the PNG file, replaced atomically
     * @param done receives "wrote ..." or the reason of the failure, on the FX thread
     */
    public static void write(Node node, Path out, Consumer<String> done) {
        WritableImage image = node.snapshot(null, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Thread t = new Thread(() -> {
            String result;
            try {
                Path dir = out.toAbsolutePath().getParent();
                Path tmp = Files.createTempFile(dir, ".fresnel-", ".png");
                try {
                    if (!ImageIO.write(buffered, "png", tmp.toFile())) {
                        throw new IOException("no PNG writer available");
                    }
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                result = "wrote " + out + " (" + buffered.getWidth() + " x " + buffered.getHeight() + ")";
            } catch (IOException | RuntimeException e) {
                result = "cannot write " + out + ": " + e.getMessage();
            }
            String r = result;
            Platform.runLater(() -> done.accept(r));
        }, "fresnel-snapshot");
        t.setDaemon(false);
        t.start();
    }
}
