package io.fresnel.cli;

import io.fresnel.io.MetricsJson;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.ProblemTooLargeException;
import io.fresnel.model.Scenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fresnel eval SCENARIO.json}: prints the metrics JSON of SCENARIO.md section 5. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a scenario file and print its metrics as JSON.")
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario file")
    private Path file;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioInput.load(file, spec.commandLine().getErr());
        if (scenario == null) {
            return FresnelCommand.REJECTED;
        }
        Metrics metrics;
        try {
            metrics = MetricsEvaluator.evaluate(scenario);
        } catch (ProblemTooLargeException e) {
            spec.commandLine().getErr().println("fresnel: " + file + ": rejected: " + e.getMessage());
            return FresnelCommand.REJECTED;
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        String json = MetricsJson.toText(MetricsJson.toJson(metrics,
                omitted -> err.println("fresnel: warning: " + file + ": " + omitted)));
        spec.commandLine().getOut().println(json);
        return FresnelCommand.OK;
    }
}
