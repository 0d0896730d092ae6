package io.fresnel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the golden reference cases: the folder {@code golden} of the test class path
 * ({@code src/test/resources/golden}, copied there from the independent reference implementation's
 * public cases; the file names are theirs). The system property {@code fresnel.golden} may name
 * another folder in the same layout (e.g. a held-out set). A missing folder fails the test
 * instead of skipping it.
 */
public final class GoldenFiles {

    /** The system property naming the golden directory. */
    public static final String PROPERTY = "fresnel.golden";

    private GoldenFiles() {
    }

    /** @return the golden directory; fails the calling test when it does not exist */
    public static Path goldenDir() {
        String configured = System.getProperty(PROPERTY);
        Path dir = configured == null || configured.isBlank() ? classPathFolder() : Path.of(configured);
        if (!Files.isDirectory(dir)) {
            fail("golden directory " + dir.toAbsolutePath() + " does not exist (set -D" + PROPERTY + "=...)");
        }
        return dir;
    }

    /**
     * @return whether the golden directory is the repository's own (no {@code fresnel.golden}
     *     given): only then do the counts of its files belong to the tests
     */
    public static boolean isBundled() {
        String configured = System.getProperty(PROPERTY);
        return configured == null || configured.isBlank();
    }

    private static Path classPathFolder() {
        URL url = GoldenFiles.class.getResource("/golden/README.md");
        if (url == null) {
            fail("golden/README.md is not on the test class path (src/test/resources/golden)");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("golden folder URL " + url, e);
        }
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
