package io.fresnel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine (everything outside {@code io.fresnel.ui}) never touches JavaFX: no import and no
 * fully qualified use of a {@code javafx.} type.
 */
class ArchitectureTest {
    private static final Pattern JAVAFX = Pattern.compile("(^|[^\\w.])javafx\\.");

    @Test
    void nothingOutsideTheUiPackageUsesJavafx() throws IOException {
        Path root = Path.of("src/main/java");
        assertTrue(Files.isDirectory(root), "run from the project directory");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).toString().replace('\\', '/').startsWith("io/fresnel/ui/"))
                    .filter(ArchitectureTest::mentionsJavafx)
                    .map(Path::toString)
                    .toList();
        }
        assertTrue(offenders.isEmpty(), "javafx used outside io.fresnel.ui: " + offenders);
    }

    @Test
    void theCheckRecognisesAJavafxImport() {
        assertTrue(JAVAFX.matcher("import javafx.scene.Node;").find());
        assertTrue(JAVAFX.matcher("x = new javafx.scene.Group();").find());
        assertTrue(!JAVAFX.matcher("import io.fresnel.notjavafx.Thing;").find());
    }

    private static boolean mentionsJavafx(Path p) {
        try {
            for (String line : Files.readAllLines(p)) {
                String code = line.strip();
                if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                    continue;
                }
                if (JAVAFX.matcher(code).find()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
