package io.fresnel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the shared golden test cases. The directory comes from the system property
 * {@code fresnel.golden} (set by surefire to {@code ../shared/golden}), falling back to
 * {@code ../shared/golden}; a missing directory fails the test instead of skipping it.
 */
public final class GoldenFiles {

    /** The system property naming the golden directory. */
    public static final String PROPERTY = "fresnel.golden";

    private GoldenFiles() {
    }

    /** @return the golden directory; fails the calling test when it does not exist */
    public static Path goldenDir() {
        String configured = System.getProperty(PROPERTY);
        Path dir = configured == null || configured.isBlank() ? Path.of("../shared/golden") : Path.of(configured);
        if (!Files.isDirectory(dir)) {
            fail("golden directory " + dir.toAbsolutePath() + " does not exist (set -D" + PROPERTY + "=...)");
        }
        return dir;
    }

    /**
     * @param subdirectory a folder inside the golden directory, e.g. {@code public}
     * @param glob a file-name pattern, e.g. {@code *.scenario.json}
     * @return the matching files, sorted by name; fails the calling test when there are none
     */
    public static List<Path> files(String subdirectory, String glob) {
        Path dir = goldenDir().resolve(subdirectory);
        if (!Files.isDirectory(dir)) {
            fail("golden directory " + dir.toAbsolutePath() + " does not exist");
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            fail("no golden files " + glob + " in " + dir.toAbsolutePath());
        }
        out.sort(null);
        return out;
    }
}
