package io.fresnel.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the output files of one command all or none, the way a careful tool does:
 * <ul>
 *   <li>Every target is checked before anything is written: its folder must exist, it must not
 *       be a folder, a device, a pipe or a socket, and two outputs of one batch must not name the
 *       same file (after following links). A failed check writes nothing.</li>
 *   <li>A symbolic link is written through: the file it points to is replaced and the link
 *       stays a link (a dangling link creates the file it names).</li>
 *   <li>Each file is written to a new temporary file beside its target, created with the
 *       process's umask (as any program's {@code open(O_CREAT)} is, e.g. 0644 under umask 022),
 *       and moved over the target only when every file of the batch was written. Existing
 *       targets are first renamed aside; if a later move fails they are put back, so a batch
 *       replaces all its targets or none.</li>
 *   <li>Every failure is an {@link IOException} whose message is one line naming the file and
 *       the reason (e.g. "cannot write /x/a.png: the folder /x does not exist").</li>
 * </ul>
 * A command with a deadline commits nothing once its {@link OutputGate} is closed.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

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
     * Checks every target, writes every file to a temporary file and then moves them all into
     * place; on any failure nothing is left behind and no target is changed.
     *
     * @param entries the files
     * @throws IOException with a one-line message naming the file and the reason
     */
    public static void writeAll(List<Entry> entries) throws IOException {
        List<Path> targets = checkTargets(entries);
        List<Path> temps = new ArrayList<>();
        try {
            for (int i = 0; i < entries.size(); i++) {
                Path target = targets.get(i);
                Path tmp = sibling(target, ".tmp");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                    temps.add(tmp);
                    entries.get(i).content().writeTo(out);
                } catch (IOException e) {
                    throw failure(entries.get(i).file(), e);
                }
            }
            commit(entries, targets, temps);
        } finally {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
    }

    /** Moves the temporary files into place, all or none. */
    private static void commit(List<Entry> entries, List<Path> targets, List<Path> temps) throws IOException {
        OutputGate gate = OutputGate.current();
        if (gate != null && !gate.tryCommit()) {
            throw new IOException("cannot write " + entries.get(0).file() + ": the command ran out of time");
        }
        List<Path[]> asides = new ArrayList<>();
        int moved = 0;
        try {
            for (Path target : targets) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Path aside = sibling(target, ".old");
                    move(target, aside);
                    asides.add(new Path[] {target, aside});
                }
            }
            for (; moved < targets.size(); moved++) {
                move(temps.get(moved), targets.get(moved));
            }
        } catch (IOException e) {
            for (int i = 0; i < moved; i++) {
                Files.deleteIfExists(targets.get(i));
            }
            for (Path[] a : asides) {
                move(a[1], a[0]);
            }
            throw failure(entries.get(Math.min(moved, entries.size() - 1)).file(), e);
        }
        for (Path[] a : asides) {
            Files.deleteIfExists(a[1]);
        }
    }

    /**
     * Checks, before any work is done, that a command's outputs can be written: the same checks
     * as {@link #writeAll(List)} makes first.
     *
     * @param files the outputs of one command (null entries are ignored)
     * @throws IOException with a one-line message naming the first file that cannot be written
     */
    public static void checkWritable(Path... files) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path f : files) {
            if (f != null) {
                entries.add(new Entry(f, out -> { }));
            }
        }
        checkTargets(entries);
    }

    /**
     * @return the paths to write (links followed), in entry order
     * @throws IOException naming the first target that cannot be written
     */
    private static List<Path> checkTargets(List<Entry> entries) throws IOException {
        List<Path> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Entry e : entries) {
            Path given = e.file();
            Path target = followLinks(given);
            if (Files.isDirectory(target)) {
                throw new IOException("cannot write " + given + ": it is a folder");
            }
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                throw new IOException("cannot write " + given + ": it is not a regular file (a device, pipe or"
                        + " socket)");
            }
            Path dir = target.getParent();
            if (!Files.isDirectory(dir)) {
                throw new IOException("cannot write " + given + ": " + (Files.exists(dir) ? dir + " is not a folder"
                        : "the folder " + dir + " does not exist"));
            }
            if (!Files.isWritable(dir)) {
                throw new IOException("cannot write " + given + ": the folder " + dir + " is not writable");
            }
            Path key = dir.toRealPath().resolve(target.getFileName());
            if (!seen.add(key)) {
                throw new IOException("cannot write " + given + ": two outputs of this command name the same file");
            }
            out.add(target);
        }
        return out;
    }

    /** @return the absolute path a write to {@code file} reaches (symbolic links followed) */
    private static Path followLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IOException("cannot write " + file + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                + suffix);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @return a one-line exception naming the file and the reason */
    private static IOException failure(Path file, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or folder";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        IOException out = new IOException("cannot write " + file + ": " + reason.replaceAll("\\s+", " "));
        out.initCause(e);
        return out;
    }
}
