package io.fresnel.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fresnel.GoldenFiles;
import io.fresnel.cli.FresnelCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded, structure-aware fuzzer over the golden cases and the presets, through the command
 * line in-process: every mutant must end with exit 0 and finite output, or exit 2 with a one-line
 * message; never an internal error (exit 1), never a timeout (exit 3, the command's
 * {@code --timeout}), never an escaped exception. Failing mutants are written to
 * {@code target/fuzz-failures} for reproduction.
 */
class ScenarioFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MUTANTS = Integer.getInteger("fresnel.fuzz.mutants", 2000);
    private static final String[] PRESETS = {"lecture-secure-isac.json", "near-vs-far-field.json",
        "paper-000-rsma.json", "paper-001-prior.json", "paper-003-speb.json"};

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FresnelCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> bases() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Path p : GoldenFiles.files("public", "*.scenario.json")) {
            out.add(JSON.readTree(p.toFile()));
        }
        for (Path p : GoldenFiles.files("solver", "*.scenario.json")) {
            out.add(JSON.readTree(p.toFile()));
        }
        for (String name : PRESETS) {
            try (InputStream in = ScenarioFuzzTest.class.getResourceAsStream("/presets/" + name)) {
                if (in != null) {
                    out.add(JSON.readTree(in));
                }
            }
        }
        return out;
    }

    @Test
    void everyMutantIsEvaluatedFinitelyOrRejectedOnOneLine(@TempDir Path dir) throws IOException {
        List<JsonNode> bases = bases();
        ScenarioMutator mutator = new ScenarioMutator(20261202L);
        List<String[]> commands = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) {
            JsonNode mutant = mutator.mutate(bases.get(i % bases.size()));
            if (i % 5 == 3 && mutant.get("solver") instanceof com.fasterxml.jackson.databind.node.ObjectNode solver) {
                // render designs a missing precoder with the solver block: a quick design, so that the
                // fuzzer tests the renderer, not the speed of paper 000/001's iterative designs
                solver.put("algorithm", "mrt");
            }
            Path f = dir.resolve("m" + i + ".json");
            Files.writeString(f, JSON.writeValueAsString(mutant));
            commands.add(switch (i % 5) {
                case 3 -> new String[] {"render", f.toString(), "--layer", "beampattern", "--grid", "12x9",
                    "--extent", "1,30,-15,15", "--out", dir.resolve("m" + i + ".png").toString(), "--csv",
                    dir.resolve("m" + i + ".csv").toString(), "--timeout", "20"};
                case 4 -> new String[] {"solve", f.toString(), "--algorithm", "mrt", "--timeout", "20"};
                default -> new String[] {"eval", f.toString(), "--timeout", "20"};
            });
        }
        java.util.Map<String, Long> nanos = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.Map<String, Integer> counts = new java.util.concurrent.ConcurrentSkipListMap<>();
        Path failDir = Path.of("target", "fuzz-failures");
        // the mutants are fixed above (seeded); they run on every core, as independent commands do
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.stream.IntStream.range(0, commands.size()).parallel().forEach(i -> {
            String[] command = commands.get(i);
            long t0 = System.nanoTime();
            Run r = run(command);
            nanos.merge(command[0], System.nanoTime() - t0, Long::sum);
            counts.merge(command[0], 1, Integer::sum);
            try {
                String problem = problem(r, command[0], command[0].equals("render") ? Path.of(command[11]) : null);
                if (problem != null) {
                    Files.createDirectories(failDir);
                    Path kept = failDir.resolve("mutant-" + i + ".json");
                    Files.copy(Path.of(command[1]), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    failures.add(command[0] + " " + kept + ": " + problem);
                }
            } catch (IOException e) {
                failures.add(command[0] + " mutant " + i + ": " + e);
            }
        });
        nanos.forEach((k, v) -> System.out.printf(java.util.Locale.ROOT, "fuzz: %d %s runs, %.1f ms each%n",
                counts.get(k), k, v / 1e6 / counts.get(k)));
        assertTrue(failures.isEmpty(), failures.size() + " mutants broke the contract:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    /** @return what is wrong with the run, or null when it kept the contract */
    private static String problem(Run r, String command, Path csv) throws IOException {
        String firstErr = r.err().lines().filter(l -> !l.contains("warning:")).findFirst().orElse("");
        if (r.status() == 2) {
            long lines = r.err().lines().filter(l -> !l.contains("warning:")).count();
            return lines == 1 && firstErr.startsWith("fresnel: ") ? null : "rejection not on one line: " + r.err();
        }
        if (r.status() != 0) {
            return "exit " + r.status() + ": " + firstErr;
        }
        if (r.err().lines().anyMatch(l -> !l.startsWith("fresnel: "))) {
            return "stderr line not from fresnel: " + r.err();
        }
        String text = command.equals("render") ? r.out() + (csv != null && Files.exists(csv) ? Files.readString(csv)
                : "") : r.out();
        if (text.contains("NaN") || text.contains("Infinity")) {
            return "non-finite number in the output";
        }
        if (!command.equals("render")) {
            JSON.readTree(r.out());
        }
        return null;
    }
}
