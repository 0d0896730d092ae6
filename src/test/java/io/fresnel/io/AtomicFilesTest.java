package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
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

    @Test
    void newFilesGetTheModeThatTheUmaskGivesOrdinaryFiles() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written");
        AtomicFiles.write(written, out -> out.write(1));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(written)));
    }

    @Test
    void aMissingFolderIsNamedAndNothingIsWritten() throws IOException {
        Path ok = dir.resolve("ok.png");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(
                List.of(text(ok, "a"), text(dir.resolve("missing/x.csv"), "b"))));
        assertEquals("cannot write " + dir.resolve("missing/x.csv") + ": the folder " + dir.resolve("missing")
                + " does not exist", e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void aFolderADeviceAndTheSameFileTwiceAreRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertTrue(assertThrows(IOException.class, () -> AtomicFiles.write(sub, out -> { }))
                .getMessage().endsWith("it is a folder"));
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            assertTrue(assertThrows(IOException.class, () -> AtomicFiles.write(device, out -> { }))
                    .getMessage().contains("not a regular file"));
        }
        Path x = dir.resolve("x");
        assertTrue(assertThrows(IOException.class, () -> AtomicFiles.writeAll(List.of(text(x, "1"),
                text(dir.resolve("sub/../x"), "2")))).getMessage().endsWith("name the same file"));
        assertEquals(List.of(sub), listing());
    }

    @Test
    void aSymbolicLinkIsWrittenThrough() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        AtomicFiles.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        IOException twice = assertThrows(IOException.class,
                () -> AtomicFiles.writeAll(List.of(text(link, "a"), text(real, "b"))));
        assertTrue(twice.getMessage().endsWith("name the same file"));
    }

    @Test
    void aFailingContentLeavesEveryTargetAsItWas() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "old a");
        Path b = dir.resolve("b");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(List.of(text(a, "new a"),
                new AtomicFiles.Entry(b, out -> {
                    throw new IOException("disk full");
                }))));
        assertEquals("cannot write " + b + ": disk full", e.getMessage());
        assertEquals("old a", Files.readString(a));
        assertFalse(Files.exists(b));
        assertEquals(List.of(a), listing());
    }

    @Test
    void aBatchReplacesEveryExistingTarget() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "old a");
        Path b = dir.resolve("b");
        AtomicFiles.writeAll(List.of(text(a, "new a"), text(b, "new b")));
        assertEquals("new a", Files.readString(a));
        assertEquals("new b", Files.readString(b));
        assertEquals(List.of(a, b), listing());
    }

    @Test
    void checkWritableNamesTheFirstBadOutput() {
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.checkWritable(dir.resolve("fine"), null, dir.resolve("no/such")));
        assertTrue(e.getMessage().startsWith("cannot write " + dir.resolve("no/such")));
    }
}
