package io.fresnel.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.design.DesignException;
import io.fresnel.io.AtomicFiles;
import io.fresnel.io.MetricsJson;
import io.fresnel.localize.LocalizationResult;
import io.fresnel.localize.LocalizeOptions;
import io.fresnel.localize.Localizer;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.ProblemTooLargeException;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fresnel localize SCENARIO.json [--trials N] [--seed S] [--csv FILE] [--range-min M]
 * [--range-max M]} (SCENARIO.md section 5): Monte-Carlo MUSIC localisation of every target with
 * the precoder in force ({@link Localizer}); prints per target the RMSE, the bias and the PEB (m)
 * as JSON and, with {@code --csv}, writes every trial's estimates atomically. A scenario without
 * a precoder but with a solver block is localised with the precoder that block designs.
 */
@Command(name = "localize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "MUSIC localisation of every target from simulated echoes of the precoder in force: RMSE, bias"
                + " and PEB per target (JSON).")
public final class LocalizeCommand implements Callable<Integer> {
    /** Header of the per-trial CSV. */
    static final String CSV_HEADER = "trial,target,x_true_m,y_true_m,x_est_m,y_est_m,error_m";

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario file")
    private Path file;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "100",
            description = "echo realisations (default ${DEFAULT-VALUE})")
    private int trials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of symbols and noise (default"
            + " ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "write " + CSV_HEADER + " per trial and target")
    private Path csv;

    @Option(names = "--range-min", paramLabel = "M", description = "smallest searched range in m (default: max(D,"
            + " 10 lambda), D the receive aperture)")
    private Double rangeMin;

    @Option(names = "--range-max", paramLabel = "M", description = "largest searched range in m (default: 4 Rayleigh"
            + " distances 8 D^2/lambda)")
    private Double rangeMax;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LocalizeOptions options;
        try {
            options = new LocalizeOptions(trials, seed, rangeMin, rangeMax);
        } catch (IllegalArgumentException e) {
            return reject(err, e.getMessage());
        }
        Scenario scenario = ScenarioInput.load(file, err);
        if (scenario == null) {
            return FresnelCommand.REJECTED;
        }
        try {
            AtomicFiles.checkWritable(csv);
        } catch (IOException e) {
            return reject(err, "--csv: " + e.getMessage());
        }
        try {
            scenario = DesignFirst.ifNeeded(scenario, "localize", err);
        } catch (DesignException | IllegalArgumentException e) {
            return reject(err, file + ": the scenario has no precoder and its solver block could not design one: "
                    + e.getMessage());
        }
        long start = System.nanoTime();
        LocalizationResult result;
        try {
            result = Localizer.run(scenario, options);
        } catch (IllegalArgumentException | ProblemTooLargeException e) {
            return reject(err, file + ": " + e.getMessage());
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (csv != null) {
            try {
                String text = csvText(result);
                AtomicFiles.write(csv, s -> s.write(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return reject(err, "--csv " + csv + ": cannot write the file (" + e + ")");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(MetricsJson.toText(json(result, options, scenario, seconds)));
        return FresnelCommand.OK;
    }

    /** The JSON report. */
    static ObjectNode json(LocalizationResult result, LocalizeOptions options, Scenario scenario, double seconds) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("trials", options.trials());
        root.put("seed", options.seed());
        root.put("snapshots", scenario.sensing().snapshots());
        ObjectNode search = root.putObject("search");
        search.put("range_min_m", result.region().rangeMinM());
        search.put("range_max_m", result.region().rangeMaxM());
        search.put("broadside_rad", result.region().broadsideRad());
        search.put("grid_angles", result.region().angles());
        search.put("grid_ranges", result.region().ranges());
        ObjectNode targets = root.putObject("targets");
        for (LocalizationResult.TargetSummary t : result.targets()) {
            ObjectNode o = targets.putObject(t.id());
            o.put("rmse_m", t.rmseM());
            o.put("bias_m", t.biasM());
            if (t.pebM() != null) {
                o.put("peb_m", t.pebM());
            }
            o.putArray("mean_estimate_m").add(t.meanEstimateM().x()).add(t.meanEstimateM().y());
            o.putArray("position_m").add(t.truthM().x()).add(t.truthM().y());
        }
        root.put("seconds", seconds);
        return root;
    }

    /** The per-trial CSV. */
    static String csvText(LocalizationResult result) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        List<List<Vec3>> est = result.estimates();
        for (int i = 0; i < est.size(); i++) {
            for (int t = 0; t < result.targets().size(); t++) {
                Vec3 p = result.targets().get(t).truthM();
                Vec3 e = est.get(i).get(t);
                b.append(String.format(Locale.ROOT, "%d,%s,%.17g,%.17g,%.17g,%.17g,%.17g%n", i,
                        result.targets().get(t).id(), p.x(), p.y(), e.x(), e.y(), e.distance(p)));
            }
        }
        return b.toString();
    }

    private static int reject(PrintWriter err, String message) {
        err.println("fresnel: localize: rejected: " + message);
        return FresnelCommand.REJECTED;
    }
}
