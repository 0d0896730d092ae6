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
 * The debug dump ({@code -Dfresnel.optim.dump=PREFIX}, see {@link ConeSolverDumpTest}) of a program with PSD
 * blocks: each block's size, variables and dense row-major coefficient matrices F_v (both triangles of a
 * symmetric entry), blocks and matrices separated by commas; and one file per solve, numbered k, k + 1.
 */
class ConeSolverDumpBlocksTest {

    @Test
    void twoSolvesWriteTwoNumberedFilesWithTheirBlocks(@TempDir Path dir) throws IOException {
        // min x0 s.t. [[x0, x1], [x1, 1]] >= 0 and [[1 + x1]] >= 0, x1 = 2: optimum x0 = 4
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, 1);
        p.addEquality(new double[] {0, 1}, 2);
        PsdBlock a = p.addPsd(2);
        a.addCoefficient(0, 0, 0, 1);
        a.addCoefficient(1, 0, 1, 1);
        a.addConstant(1, 1, 1);
        PsdBlock b = p.addPsd(1);
        b.addCoefficient(1, 0, 0, 1);
        b.addConstant(0, 0, 1);
        ConeResult first = ConeSolverDumpTest.solveDumping(p, dir.resolve("prog"));
        ConeResult second = ConeSolverDumpTest.solveDumping(p, dir.resolve("prog"));
        assertEquals(4, first.primalObjective(), 1e-7, first::toString);
        assertEquals(4, second.primalObjective(), 1e-7, second::toString);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertEquals(2, files.size(), files::toString);
        int k0 = number(files.get(0));
        int k1 = number(files.get(1));
        assertEquals(Math.min(k0, k1) + 1, Math.max(k0, k1), files::toString);
        String json = Files.readString(files.get(0));
        assertEquals(json, Files.readString(files.get(1)));
        assertTrue(json.contains("\"h\":[0.0, 0.0, 0.0, 1.0, 1.0]"), json);
        assertTrue(json.contains("\"blocks\":[{\"m\":2,\"vars\":[0, 1],\"F\":[[1.0, 0.0, 0.0, 0.0],[0.0, 1.0, 1.0, 0.0]]},"
                + "{\"m\":1,\"vars\":[1],\"F\":[[1.0]]}]"), json);
    }

    @Test
    void aHermitianBlockIsMarkedSoThatAReSolveTakesTheSamePath(@TempDir Path dir) throws IOException {
        // min x0 s.t. [[x0, j], [-j, 1]] >= 0 (Hermitian, embedded as 4 x 4) and [[x0]] >= 0: optimum x0 = 1
        ConeProgram p = new ConeProgram(1);
        p.setObjective(0, 1);
        HermitianPsdBlock h = p.addHermitianPsd(2);
        h.addCoefficient(0, 0, 0, 1, 0);
        h.addConstant(0, 1, 0, 1);
        h.addConstant(1, 1, 1, 0);
        p.addPsd(1).addCoefficient(0, 0, 0, 1);
        ConeResult r = ConeSolverDumpTest.solveDumping(p, dir.resolve("herm"));
        assertEquals(1, r.primalObjective(), 1e-7, r::toString);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), files::toString);
        String json = Files.readString(files.get(0));
        assertTrue(json.contains("{\"m\":4,\"hermitian\":true,\"vars\":[0],"), json);
        assertTrue(json.contains("{\"m\":1,\"vars\":[0],"), json);
        assertEquals(json.indexOf("hermitian"), json.lastIndexOf("hermitian"), json);
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        assertTrue(name.matches("prog\\.\\d+\\.json"), name);
        return Integer.parseInt(name.substring(5, name.length() - 5));
    }
}
