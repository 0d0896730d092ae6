package io.fresnel.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resume journal of a sweep: the folder {@code fig<K>-runs/} in the output folder, holding
 * {@code plan.json} (the {@link SweepPlan}) and one small JSON file per finished run, each
 * written atomically ({@link AtomicFiles}: a temporary file moved into place), so that a sweep
 * killed at any moment leaves only whole rows. A run is identified by its key (x, draw, scheme,
 * seed; {@link SweepRun#key()}), stored in the file; the file name is only a readable label.
 *
 * <p>A journal whose plan differs from the sweep's (another seed, other points, draws, schemes,
 * max_iterations or base scenario) is refused as a whole: the draws' geometry depends on the
 * whole plan, so rows of another plan are not rows of this one. Files that cannot be read
 * (e.g. a temporary file of a killed write) are ignored: their runs are computed again.
 */
public final class SweepJournal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "plan.json";

    private final Path folder;
    private final SweepPlan plan;

    private SweepJournal(Path folder, SweepPlan plan) {
        this.folder = folder;
        this.plan = plan;
    }

    /**
     * @param out the sweep's output folder
     * @param figure the figure number
     * @return the journal folder {@code out/fig<figure>-runs}
     */
    public static Path folder(Path out, int figure) {
        return out.resolve("fig" + figure + "-runs");
    }

    /**
     * Opens the journal of a plan in an output folder, creating it (with its plan.json) when
     * missing.
     *
     * @param out the output folder (exists)
     * @param plan the sweep
     * @return the journal
     * @throws IllegalArgumentException when the folder holds the journal of another sweep, naming
     *     the first difference and what to do
     * @throws IOException when the journal cannot be read or created
     */
    public static SweepJournal open(Path out, SweepPlan plan) throws IOException {
        Path folder = folder(out, plan.figure());
        Path planFile = folder.resolve(PLAN);
        if (Files.exists(planFile)) {
            SweepPlan old;
            try {
                old = readPlan(Files.readString(planFile, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("the resume journal " + planFile + " cannot be read (" + e.getMessage()
                        + "); delete " + folder + " to start the sweep over", e);
            }
            String diff = old.difference(plan);
            if (diff != null) {
                throw new IllegalArgumentException("the output folder holds the journal of another sweep (" + diff
                        + ", journal vs this sweep): use another --out, the same options, or delete " + folder
                        + " to start over");
            }
        } else {
            Files.createDirectories(folder);
            AtomicFiles.write(planFile, o -> o.write(planText(plan).getBytes(StandardCharsets.UTF_8)));
        }
        return new SweepJournal(folder, plan);
    }

    /** @return the journal folder */
    public Path folder() {
        return folder;
    }

    /**
     * Reads the finished rows.
     *
     * @return the rows by run key; only keys of this plan's runs
     * @throws IOException when the folder cannot be listed
     */
    public Map<String, SweepResult.Solve> read() throws IOException {
        Map<String, SweepRun> runs = new HashMap<>();
        for (SweepRun r : plan.runs()) {
            runs.put(r.key(), r);
        }
        Map<String, SweepResult.Solve> out = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "run-*.json")) {
            for (Path f : files) {
                try {
                    JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
                    String key = SweepRun.key(n.get("x").doubleValue(), n.get("draw").intValue(),
                            n.get("scheme").textValue(), n.get("seed").longValue());
                    if (runs.containsKey(key)) {
                        out.put(key, row(n));
                    }
                } catch (IOException | RuntimeException e) {
                    // a damaged file: its run is computed again
                }
            }
        }
        return out;
    }

    /**
     * Records one finished row atomically.
     *
     * @param run the run
     * @param row its row
     * @throws IOException when the file cannot be written
     */
    public void write(SweepRun run, SweepResult.Solve row) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("x", run.x());
        n.put("draw", run.draw());
        n.put("scheme", run.scheme());
        n.put("seed", run.seed());
        n.put("status", row.status());
        n.put("counted", row.counted());
        n.put("min_secrecy_rate_bps_hz", row.minSecrecyRateBpsHz());
        n.put("objective", row.objective());
        n.put("iterations", row.iterations());
        n.put("seconds", row.seconds());
        n.put("message", row.message());
        String name = "run-x" + run.x() + "-d" + run.draw() + "-" + run.scheme().replaceAll("[^A-Za-z0-9._-]", "_")
                + ".json";
        byte[] bytes = JSON.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(folder.resolve(name), o -> o.write(bytes));
    }

    private static SweepResult.Solve row(JsonNode n) {
        return new SweepResult.Solve(n.get("x").doubleValue(), n.get("draw").intValue(), n.get("scheme").textValue(),
                Objects.requireNonNull(n.get("status").textValue(), "status"), n.get("counted").booleanValue(),
                number(n.get("min_secrecy_rate_bps_hz")), number(n.get("objective")), n.get("iterations").intValue(),
                n.get("seconds").doubleValue(), n.get("message").isNull() ? null : n.get("message").textValue());
    }

    private static Double number(JsonNode n) {
        return n == null || n.isNull() ? null : n.doubleValue();
    }

    static String planText(SweepPlan plan) {
        ObjectNode n = JSON.createObjectNode();
        n.put("figure", plan.figure());
        ArrayNode points = n.putArray("points");
        plan.points().forEach(points::add);
        n.put("draws", plan.draws());
        n.put("seed", plan.seed());
        ArrayNode schemes = n.putArray("schemes");
        plan.schemes().forEach(schemes::add);
        n.put("max_iterations", plan.maxIterations());
        n.put("base_json", plan.baseJson());
        return n.toPrettyString() + "\n";
    }

    static SweepPlan readPlan(String text) throws IOException {
        JsonNode n = JSON.readTree(text);
        List<Double> points = new ArrayList<>();
        n.get("points").forEach(p -> points.add(p.doubleValue()));
        List<String> schemes = new ArrayList<>();
        n.get("schemes").forEach(s -> schemes.add(s.textValue()));
        JsonNode mi = n.get("max_iterations");
        return new SweepPlan(n.get("figure").intValue(), n.get("base_json").textValue(), points, n.get("draws").intValue(),
                n.get("seed").longValue(), schemes, mi == null || mi.isNull() ? null : mi.intValue());
    }
}
