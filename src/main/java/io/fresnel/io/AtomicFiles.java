package io.fresnel.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes files so that a failure never leaves a half-written file behind: each file is written to
 * a temporary file next to it and moved over it only when every file of the batch was written.
 */
public final class AtomicFiles {

    /** Writes a file's content to a stream (which the caller closes). */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream; modified
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * One file of a batch.
     *
     * @param file the file to create or replace
     * @param content what to write into it
     */
    public record Entry(Path file, Content content) {
    }

    private AtomicFiles() {
    }

    /**
     * @param file the file to create or replace
     * @param content its content
     * @throws IOException when the file cannot be written (it is then left unchanged)
     */
    public static void write(Path file, Content content) throws IOException {
        writeAll(List.of(new Entry(file, content)));
    }

    /**
     * Writes every file to a temporary file first; only when all succeeded are they moved into
     * place. On failure the temporary files are deleted and no target is touched (a failing move
     * of a later file can still leave the earlier files replaced).
     *
     * @param entries the files
     * @throws IOException when a file cannot be written
     */
    public static void writeAll(List<Entry> entries) throws IOException {
        List<Path> temps = new ArrayList<>();
        try {
            for (Entry e : entries) {
                Path dir = e.file().toAbsolutePath().getParent();
                Path tmp = Files.createTempFile(dir, "." + e.file().getFileName(), ".tmp");
                temps.add(tmp);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    e.content().writeTo(out);
                }
            }
            for (int i = 0; i < entries.size(); i++) {
                move(temps.get(i), entries.get(i).file());
            }
        } finally {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
    }

    private static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
