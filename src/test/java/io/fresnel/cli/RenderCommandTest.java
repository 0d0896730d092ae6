package io.fresnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.design.DesignContext;
import io.fresnel.design.Designs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private static final String SCENARIO = GoldenFiles.goldenDir()
            .resolve("public/p000_rsma_hybrid_fresnel.scenario.json").toString();
    private static final String THREE_D = GoldenFiles.goldenDir()
            .resolve("public/p004_upa_two_targets.scenario.json").toString();

    @Test
    void writesAReadablePngAndACsv(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("map.png");
        Path csv = dir.resolve("grid.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("render", SCENARIO, "--layer", "beampattern", "--grid", "60x40",
                "--extent", "-5,30,-15,15", "--out", png.toString(), "--csv", csv.toString(), "--colormap", "magma");
        assertEquals(0, r.status(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 400 && img.getWidth() <= 1200, "width " + img.getWidth());
        assertTrue(img.getHeight() >= 300 && img.getHeight() <= 1000, "height " + img.getHeight());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x_m,y_m,z_m,value", lines.get(0));
        assertEquals(60 * 40 + 1, lines.size());
    }

    @Test
    void otherLayersAndRangesRender(@TempDir Path dir) throws IOException {
        for (String[] extra : new String[][] {
            {"--layer", "sinr:" + firstUser(), "--range", "-10,20"},
            {"--layer", "stream:0", "--dynamic-range", "30"},
            {"--layer", "peb:" + firstTarget()},
            {"--layer", "music:3", "--dynamic-range", "30"}}) {
            Path png = dir.resolve("m.png");
            String[] args = Stream.concat(Stream.of("render", SCENARIO, "--grid", "12x10", "--extent", "1,20,-10,10",
                    "--out", png.toString()), Stream.of(extra)).toArray(String[]::new);
            GoldenEvalTest.Run r = GoldenEvalTest.run(args);
            assertEquals(0, r.status(), String.join(" ", extra) + ": " + r.err());
            assertTrue(ImageIO.read(png.toFile()).getWidth() > 0);
        }
    }

    private static String firstUser() throws IOException {
        return new ObjectMapper().readTree(Path.of(SCENARIO).toFile()).get("users").get(0).get("id").asText();
    }

    private static String firstTarget() throws IOException {
        return new ObjectMapper().readTree(Path.of(SCENARIO).toFile()).get("targets").get(0).get("id").asText();
    }

    private static void assertRejected(Path dir, String scenario, String cause, String... options) throws IOException {
        Path png = dir.resolve("bad.png");
        Path csv = dir.resolve("bad.csv");
        String[] args = Stream.concat(Stream.of("render", scenario, "--out", png.toString(), "--csv", csv.toString()),
                Stream.of(options)).toArray(String[]::new);
        GoldenEvalTest.Run r = GoldenEvalTest.run(args);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(cause), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.filter(p -> !p.getFileName().toString().endsWith(".json")).toList();
            assertTrue(left.isEmpty(), "files written on error: " + left);
        }
    }

    /** The broadside plane through the array centre and a node: the window's plane, the same values. */
    @Test
    void theBroadsidePlaneOfANodeRendersTheFieldOnThatPlane(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("b.png");
        Path csv = dir.resolve("b.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("render", THREE_D, "--layer", "beampattern", "--plane",
                "broadside:t2", "--grid", "9x7", "--extent", "-0.2,0.2,-0.05,0.3", "--out", png.toString(), "--csv",
                csv.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("of broadside t2"), r.out());
        io.fresnel.model.Scenario s = io.fresnel.io.ScenarioReader.readScenario(Path.of(THREE_D));
        io.fresnel.render.Plane plane = io.fresnel.render.SlicePlanes.broadside(s, "t2");
        io.fresnel.render.GridSpec g = new io.fresnel.render.GridSpec(plane, -0.2, 0.2, -0.05, 0.3, 9, 7);
        io.fresnel.render.Field f = io.fresnel.render.FieldComputer.compute(s, new io.fresnel.render.Layer.Beampattern(),
                g, () -> false);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(g.size() + 1, lines.size());
        for (int i = 0; i < g.size(); i++) {
            String[] c = lines.get(i + 1).split(",");
            io.fresnel.math.Vec3 p = new io.fresnel.math.Vec3(Double.parseDouble(c[0]), Double.parseDouble(c[1]),
                    Double.parseDouble(c[2]));
            assertEquals(0, plane.distance(p), 1e-12, "on the plane: row " + i);
            assertEquals(f.value(i), Double.parseDouble(c[3]), 1e-12 * f.value(i), "row " + i);
        }
        String help = GoldenEvalTest.run("render", "--help").out();
        assertTrue(help.contains("broadside:NODE"), help);
    }

    @Test
    void badArgumentsAreRejectedAndNothingIsWritten(@TempDir Path dir) throws IOException {
        String[] ok = {"--grid", "20x10", "--extent", "1,20,-10,10"};
        assertRejected(dir, SCENARIO, "unknown layer", cat(ok, "--layer", "heat"));
        assertRejected(dir, SCENARIO, "not the id of a user", cat(ok, "--layer", "sinr:nobody"));
        assertRejected(dir, SCENARIO, "stream 99 does not exist", cat(ok, "--layer", "stream:99"));
        assertRejected(dir, SCENARIO, "--extent", "--layer", "beampattern", "--grid", "20x10", "--extent", "1,20,-10");
        assertRejected(dir, SCENARIO, "increasing", "--layer", "beampattern", "--grid", "20x10", "--extent",
                "20,1,-10,10");
        assertRejected(dir, SCENARIO, "--grid", "--layer", "beampattern", "--grid", "20by10", "--extent", "1,20,-10,10");
        assertRejected(dir, SCENARIO, "nu must be", "--layer", "beampattern", "--grid", "1x10", "--extent",
                "1,20,-10,10");
        assertRejected(dir, SCENARIO, "2-D scenario", cat(ok, "--layer", "beampattern", "--plane", "x=1"));
        assertRejected(dir, SCENARIO, "--plane \"broadside:\": broadside needs a node id", cat(ok, "--layer",
                "beampattern", "--plane", "broadside:"));
        assertRejected(dir, SCENARIO, "--plane: plane \"x1\" is not of the form x=C, y=C or z=C (C in m); or"
                + " broadside:NODE_ID", cat(ok, "--layer", "beampattern", "--plane", "x1"));
        assertRejected(dir, THREE_D, "--plane broadside:nobody: no user, eavesdropper or target \"nobody\"",
                cat(ok, "--layer", "beampattern", "--plane", "broadside:nobody"));
        assertRejected(dir, SCENARIO, "either --range or --dynamic-range", cat(ok, "--layer", "beampattern", "--range",
                "0,10", "--dynamic-range", "20"));
        assertRejected(dir, SCENARIO, "unknown colour map", cat(ok, "--layer", "beampattern", "--colormap", "jet"));
        assertRejected(dir, SCENARIO, "--range must be increasing (got 5,5)", cat(ok, "--layer", "beampattern",
                "--range", "5,5"));
    }

    /** A solver block that ends without a precoder: render says which design ended how, and why. */
    @Test
    void aSolverBlockThatDesignsNothingIsRejectedWithItsReason(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(io.fresnel.GoldenFiles.goldenDir()
                .resolve("solver/p_solver_crb_2d_n8.scenario.json").toFile());
        tree.remove("precoder");
        ((ObjectNode) tree.get("users").get(0)).put("min_rate_bps_hz", 40.0);
        String algorithm = tree.get("solver").get("algorithm").asText();
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        GoldenEvalTest.Run r = GoldenEvalTest.run("render", f.toString(), "--layer", "beampattern", "--grid", "9x7",
                "--extent", "1,20,-10,10", "--out", dir.resolve("a.png").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("fresnel: render: rejected: " + f + ": the scenario has no precoder and its"
                + " solver block could not design one: " + algorithm + " ended infeasible ("), r.err());
        assertTrue(r.err().strip().endsWith(")"), r.err());
        assertFalse(Files.exists(dir.resolve("a.png")));
    }

    /** The natural figure size makes room for the legend below the plot, so --no-legend gives a lower PNG. */
    @Test
    void withoutTheLegendTheNaturalFigureIsLower(@TempDir Path dir) throws IOException {
        String[] common = {"render", SCENARIO, "--layer", "beampattern", "--grid", "9x7", "--extent", "1,20,-10,10"};
        Path with = dir.resolve("with.png");
        Path without = dir.resolve("without.png");
        GoldenEvalTest.Run a = GoldenEvalTest.run(cat(common, "--out", with.toString()));
        GoldenEvalTest.Run b = GoldenEvalTest.run(cat(common, "--out", without.toString(), "--no-legend"));
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        java.awt.image.BufferedImage imgWith = javax.imageio.ImageIO.read(with.toFile());
        java.awt.image.BufferedImage imgWithout = javax.imageio.ImageIO.read(without.toFile());
        assertEquals(imgWith.getWidth(), imgWithout.getWidth());
        assertTrue(imgWithout.getHeight() < imgWith.getHeight(), "height without the legend " + imgWithout.getHeight()
                + " vs with it " + imgWith.getHeight());
    }

    @Test
    void aScenarioWithoutAPrecoderIsRejected(@TempDir Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(Path.of(SCENARIO).toFile());
        tree.remove("precoder");
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        assertRejected(dir, f.toString(), "no precoder", "--layer", "beampattern", "--grid", "20x10", "--extent",
                "1,20,-10,10");
    }

    @Test
    void aScenarioWithoutAPrecoderButWithASolverBlockIsRenderedWithTheDesignedPrecoder(@TempDir Path dir)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(Path.of(SCENARIO).toFile());
        tree.remove("precoder");
        tree.putObject("solver").put("algorithm", "mrt");
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        Path csv = dir.resolve("a.csv");
        GoldenEvalTest.Run r = GoldenEvalTest.run("render", f.toString(), "--layer", "beampattern", "--grid", "9x7",
                "--extent", "1,20,-10,10", "--out", dir.resolve("a.png").toString(), "--csv", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("designed one with its solver block (mrt"), r.err());

        io.fresnel.model.Scenario s = io.fresnel.io.ScenarioReader.readScenario(f);
        s = s.withPrecoder(io.fresnel.design.Designs.byName("mrt").run(s, io.fresnel.design.DesignContext.none())
                .precoder());
        List<String> rows = Files.readAllLines(csv);
        String[] cells = rows.get(5).split(",");
        io.fresnel.model.Scenario probe = io.fresnel.model.ScenarioEdits.add(s, io.fresnel.model.NodeKind.TARGET,
                new io.fresnel.math.Vec3(Double.parseDouble(cells[0]), Double.parseDouble(cells[1]), 0));
        double ill = io.fresnel.metrics.MetricsEvaluator.evaluate(probe).targets().get(probe.targets().size() - 1)
                .illuminationW();
        assertEquals(ill, Double.parseDouble(cells[3]), ill * 1e-9);

        tree.putObject("solver").put("algorithm", "speb-min-hybrid");
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("s.json"), json.writeValueAsString(tree));
        assertRejected(other, other.resolve("s.json").toString(), "could not design one", "--layer", "beampattern", "--grid", "20x10",
                "--extent", "1,20,-10,10");
    }

    private static String[] cat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** An output that cannot be written is rejected before anything is designed or computed. */
    @Test
    void anUnwritableOutputIsRejectedBeforeTheDesignRuns(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(Path.of(SCENARIO).toFile());
        tree.remove("precoder");
        tree.putObject("solver").put("algorithm", "mrt");
        Path f = dir.resolve("s.json");
        Files.writeString(f, json.writeValueAsString(tree));
        GoldenEvalTest.Run r = GoldenEvalTest.run("render", f.toString(), "--layer", "beampattern", "--grid", "9x7",
                "--extent", "1,20,-10,10", "--out", dir.resolve("missing/a.png").toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "only the rejection, no design note: " + r.err());
        assertTrue(r.err().startsWith("fresnel: render: rejected: cannot write "), r.err());
        assertEquals("", r.out());
    }
}
