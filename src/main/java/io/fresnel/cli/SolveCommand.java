package io.fresnel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.design.Design;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.io.AtomicFiles;
import io.fresnel.io.MetricsJson;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.io.SolverJson;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.ProblemTooLargeException;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fresnel solve SCENARIO.json [--out SOLVED.json] [--algorithm NAME]}: designs a precoder
 * with the algorithm named by {@code --algorithm} or the scenario's {@code solver.algorithm}
 * and prints the metrics JSON of the scenario with that precoder plus a {@code "solver"} object
 * (SCENARIO.md section 5). With {@code --out}, the scenario with the designed precoder is
 * written (atomically). A design without a precoder (infeasible, ...) prints the metrics of
 * the scenario without a precoder, writes no file, explains on stderr and exits 0. An unknown
 * algorithm, a missing algorithm or an input the design cannot handle exits 2.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Design a precoder for a scenario file and print its metrics as JSON.")
public final class SolveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario file")
    private Path file;

    @Option(names = "--out", paramLabel = "SOLVED.json",
            description = "write the scenario with the designed precoder to this file")
    private Path out;

    @Option(names = "--algorithm", paramLabel = "NAME",
            description = "the design (default: the scenario's solver.algorithm)")
    private String algorithm;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario = ScenarioInput.load(file, err);
        if (scenario == null) {
            return FresnelCommand.REJECTED;
        }
        try {
            AtomicFiles.checkWritable(out);
        } catch (IOException e) {
            return reject("--out: " + e.getMessage());
        }
        String name = algorithm != null ? algorithm : scenario.solver() != null ? scenario.solver().algorithm() : null;
        if (name == null) {
            return reject("no algorithm: give --algorithm NAME or a \"solver\": {\"algorithm\": NAME} block"
                    + " (known: " + String.join(", ", Designs.all().stream().map(Design::name).toList()) + ")");
        }
        Design design;
        try {
            design = Designs.byName(name);
        } catch (IllegalArgumentException e) {
            return reject(e.getMessage());
        }
        ScenarioInput.warnUnknownParameters(file, scenario, design, err);
        DesignResult result;
        try {
            result = design.run(scenario, CommandDeadline.designContext());
        } catch (DesignException e) {
            return reject(e.getMessage());
        }
        Scenario solved = scenario.withPrecoder(result.precoder());
        Metrics metrics;
        try {
            metrics = MetricsEvaluator.evaluate(solved);
        } catch (ProblemTooLargeException e) {
            return reject(e.getMessage());
        }
        ObjectNode json = MetricsJson.toJson(metrics,
                omitted -> err.println("fresnel: warning: " + file + ": " + omitted));
        json.set("solver", SolverJson.toJson(result));
        if (result.precoder() == null) {
            err.println("fresnel: " + file + ": " + name + " ended " + result.status().jsonName()
                    + (result.message() != null ? ": " + result.message() : "") + "; no precoder designed"
                    + (out != null ? ", " + out + " not written" : ""));
        } else if (out != null) {
            try {
                ScenarioWriter.write(solved, out);
            } catch (IOException e) {
                return reject("--out: " + e.getMessage());
            }
        }
        spec.commandLine().getOut().println(MetricsJson.toText(json));
        return FresnelCommand.OK;
    }

    private int reject(String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("fresnel: " + file + ": rejected: " + reason);
        return FresnelCommand.REJECTED;
    }
}
