package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtomicFiles} when a move into place fails after the checks passed (provoked by a
 * content writer that deletes a temporary file, the only failure a test running as root can
 * cause): every target keeps or gets back its old content and no temporary or set-aside file is
 * left; the one-line reason of each kind of I/O error; symbolic-link chains at the 40-hop limit;
 * a closed output gate.
 */
class AtomicFilesRollbackTest {
    @TempDir
    Path dir;

    private static AtomicFiles.Entry text(Path file, String content) {
        return new AtomicFiles.Entry(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** Deletes the temporary file(s) of {@code target}: {@code .NAME.<random>.tmp} beside it. */
    private void deleteTemporaryOf(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(".tmp")) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aFirstMoveThatFailsPutsEveryExistingTargetBack() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "old a");
        Path b = Files.writeString(dir.resolve("b"), "old b");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(List.of(text(a, "new a"),
                new AtomicFiles.Entry(b, out -> {
                    out.write('b');
                    deleteTemporaryOf(a); // a's move into place will find no file
                }))));
        assertEquals("cannot write " + a + ": no such file or folder", e.getMessage());
        assertEquals("old a", Files.readString(a));
        assertEquals("old b", Files.readString(b));
        assertEquals(List.of(a, b), listing(), "no temporary or set-aside file is left");
    }

    @Test
    void aLaterMoveThatFailsUndoesTheEarlierOnesAndRemovesANewTarget() throws IOException {
        Path a = dir.resolve("a"); // new: must be gone again
        Path b = Files.writeString(dir.resolve("b"), "old b");
        Path c = Files.writeString(dir.resolve("c"), "old c");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(List.of(text(a, "new a"),
                text(b, "new b"), new AtomicFiles.Entry(c, out -> {
                    out.write('c');
                    deleteTemporaryOf(b); // a is moved into place, then b's move fails
                }))));
        assertEquals("cannot write " + b + ": no such file or folder", e.getMessage());
        assertFalse(Files.exists(a), "the new target that was already moved into place is removed");
        assertEquals("old b", Files.readString(b));
        assertEquals("old c", Files.readString(c));
        assertEquals(List.of(b, c), listing());
    }

    @Test
    void theLastMoveFailingNamesTheLastFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "old a");
        Path b = dir.resolve("b");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(List.of(text(a, "new a"),
                new AtomicFiles.Entry(b, out -> {
                    out.write('b');
                    deleteTemporaryOf(b); // its own temporary file: unlinked while open
                }))));
        assertEquals("cannot write " + b + ": no such file or folder", e.getMessage());
        assertEquals("old a", Files.readString(a));
        assertEquals(List.of(a), listing());
    }

    @Test
    void eachKindOfFailureIsOneLineNamingTheFile() {
        Path f = dir.resolve("f");
        assertEquals("cannot write " + f + ": permission denied", failureOf(f, new AccessDeniedException("x")));
        assertEquals("cannot write " + f + ": No space left on device",
                failureOf(f, new FileSystemException("x", null, "No space left on device")));
        assertEquals("cannot write " + f + ": x", failureOf(f, new FileSystemException("x")),
                "a file-system error without a reason gives its message");
        assertEquals("cannot write " + f + ": IOException", failureOf(f, new IOException()));
        assertEquals("cannot write " + f + ": broken pipe on line two", failureOf(f,
                new IOException("broken pipe\n  on line\ttwo")));
    }

    private String failureOf(Path f, IOException thrown) {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            throw thrown;
        }));
        assertEquals(thrown, e.getCause());
        return e.getMessage();
    }

    @Test
    void aChainOfFortyLinksIsFollowedAndFortyOneIsRefused() throws IOException {
        Path real = dir.resolve("real");
        Path next = real;
        for (int i = 40; i >= 1; i--) {
            next = Files.createSymbolicLink(dir.resolve("l" + i), next.getFileName());
        }
        AtomicFiles.write(next, out -> out.write('x'));
        assertEquals("x", Files.readString(real), "40 links lead to the file");
        assertTrue(Files.isSymbolicLink(dir.resolve("l1")));
        Path longer = Files.createSymbolicLink(dir.resolve("l0"), next.getFileName());
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(longer, out -> out.write('y')));
        assertEquals("cannot write " + longer + ": too many levels of symbolic links", e.getMessage());
        assertEquals("x", Files.readString(real));
    }

    @Test
    void aLinkInAnotherFolderIsResolvedAgainstItsOwnFolder() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path real = Files.writeString(sub.resolve("real"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("sub/real"));
        Path inner = Files.createSymbolicLink(sub.resolve("inner"), Path.of("../link"));
        AtomicFiles.write(inner, out -> out.write('n'));
        assertEquals("n", Files.readString(real));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isSymbolicLink(inner));
    }

    @Test
    void aClosedGateCommitsNothing() throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "old");
        OutputGate gate = new OutputGate();
        Thread t = new Thread(() -> {
            gate.install();
            gate.close();
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(a, out -> out.write('n')));
            assertEquals("cannot write " + a + ": the command ran out of time", e.getMessage());
        });
        Throwable[] failed = new Throwable[1];
        t.setUncaughtExceptionHandler((th, ex) -> failed[0] = ex);
        t.start();
        t.join();
        if (failed[0] != null) {
            throw new AssertionError(failed[0]);
        }
        assertEquals("old", Files.readString(a));
        assertEquals(List.of(a), listing());
    }
}
