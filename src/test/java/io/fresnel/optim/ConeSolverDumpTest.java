package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The solver's debug dump ({@code -Dfresnel.optim.dump=PREFIX}, docs/cone-solver.md): every program
 * handed to {@link ConeSolver#solve} is written, as given (before equilibration), to
 * {@code PREFIX.<k>.json} in the format that src/bench/python/cone_contract_references.py reads
 * (n, p, l, c, b, h, the equality rows A, the linear rows Gl, the PSD blocks), and solving is not
 * changed by it. The property is set only around the one solve (Surefire runs the test classes of
 * one JVM one after the other, so no other solve sees it).
 */
class ConeSolverDumpTest {

    @Test
    void theDumpHoldsTheProgramAsGiven(@TempDir Path dir) throws IOException {
        // minimise x0 + 2 x1 s.t. x0 + x1 = 3, x0 <= 2: x = (2, 1), objective 4
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, 1);
        p.setObjective(1, 2);
        p.addEquality(new double[] {1, 1}, 3);
        p.addLinearInequality(new double[] {1, 0}, 2);
        ConeResult r = solveDumping(p, dir.resolve("prog"));
        assertEquals(ConeStatus.OPTIMAL, r.status());
        assertEquals(4, r.primalObjective(), 1e-7);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), files::toString);
        String name = files.get(0).getFileName().toString();
        assertTrue(name.matches("prog\\.\\d+\\.json"), name);
        String json = Files.readString(files.get(0));
        assertTrue(json.startsWith("{\"n\":2,\"p\":1,\"l\":1,"), json);
        assertTrue(json.contains("\"c\":[1.0, 2.0]"), json);
        assertTrue(json.contains("\"b\":[3.0]"), json);
        assertTrue(json.contains("\"h\":[2.0]"), json);
        assertTrue(json.contains("\"A\":[[1.0, 1.0]]"), json);
        assertTrue(json.contains("\"Gl\":[[1.0, 0.0]]"), json);
        assertTrue(json.contains("\"blocks\":[]"), json);
    }

    /** Solves p with the debug dump switched on (system property fresnel.optim.dump = prefix), restoring it after. */
    static ConeResult solveDumping(ConeProgram p, Path prefix) {
        String key = "fresnel.optim.dump";
        String before = System.getProperty(key);
        try {
            System.setProperty(key, prefix.toString());
            return ConeSolver.solve(p, null, null);
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
