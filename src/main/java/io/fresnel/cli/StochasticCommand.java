package io.fresnel.cli;

import io.fresnel.io.AtomicFiles;
import io.fresnel.io.MetricsJson;
import io.fresnel.stochastic.ExactAnalysis;
import io.fresnel.stochastic.ExactResult;
import io.fresnel.stochastic.MonteCarloAnalysis;
import io.fresnel.stochastic.MonteCarloResult;
import io.fresnel.stochastic.QueryReader;
import io.fresnel.stochastic.ResultJson;
import io.fresnel.stochastic.StochasticQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fresnel stochastic QUERY.json [--out RESULT.json] [--threads T]}: paper 002's stochastic
 * analysis (STOCHASTIC.md section 2). Reads a {@code fresnel-p002-query/1} document and writes the
 * {@code fresnel-p002-result/1} document: the eleven outputs exactly (one-dimensional integrals of
 * the exact distributions, ERRATA 002.14), the paper's corrected closed forms and bounds as extra
 * keys, and a seeded Monte Carlo estimate with standard errors under {@code "monte_carlo"}. The
 * result goes to {@code --out} (atomically) or to stdout. Exit 0 on success, 2 on a rejected
 * query (one line on stderr naming the field), 1 on an internal error.
 */
@Command(name = "stochastic", mixinStandardHelpOptions = true,
        description = {"Paper 002's stochastic analysis of the SSJB/SLB precoders: ergodic rates, ergodic secrecy"
                + " rates, ergodic CRBs and CRB outage, exact and by seeded Monte Carlo.",
            "Reads a fresnel-p002-query/1 document and writes a fresnel-p002-result/1 document."})
public final class StochasticCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUERY.json", description = "the query document")
    private Path file;

    @Option(names = "--out", paramLabel = "RESULT.json", description = "write the result here (default: stdout)")
    private Path out;

    @Option(names = "--threads", paramLabel = "T",
            description = "Monte Carlo threads (default: available processors; the result does not depend on it)")
    private Integer threads;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        StochasticQuery query;
        try {
            query = QueryReader.read(file);
        } catch (NoSuchFileException e) {
            return reject("cannot read the file (no such file)");
        } catch (IllegalArgumentException e) {
            return reject(e.getMessage());
        } catch (IOException e) {
            return reject("cannot read the file (" + e.getMessage() + ")");
        }
        if (threads != null && threads < 1) {
            return reject("--threads must be at least 1 (got " + threads + ")");
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ExactResult exact = ExactAnalysis.evaluate(query);
        MonteCarloResult mc = MonteCarloAnalysis.evaluate(query, t, () -> false);
        String text = MetricsJson.toText(ResultJson.toJson(query, exact, mc)) + System.lineSeparator();
        if (out != null) {
            try {
                AtomicFiles.write(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return reject("--out " + out + ": cannot write (" + e.getMessage() + ")");
            }
        } else {
            spec.commandLine().getOut().print(text);
        }
        return FresnelCommand.OK;
    }

    private int reject(String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("fresnel: " + file + ": rejected: " + reason);
        return FresnelCommand.REJECTED;
    }
}
