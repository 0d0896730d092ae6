package io.fresnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What {@code bench --stochastic} prints: both schemes, exact and Monte Carlo, and the machine. */
class StochasticBenchTest {

    @Test
    void printsExactAndMonteCarloTimingsForBothSchemes() throws Exception {
        StringWriter text = new StringWriter();
        double[] seconds = StochasticBench.run(new PrintWriter(text), 1, 2, 5000);
        String out = text.toString();
        assertEquals(2, seconds.length);
        assertTrue(seconds[0] > 0 && seconds[1] > 0);
        assertTrue(out.contains("exact, all eleven outputs, ssjb") && out.contains("exact, all eleven outputs, slb"), out);
        assertTrue(out.contains("Monte Carlo, ssjb, N = 16, 5000 draws") && out.contains("machine: "), out);
        // the paper set-up's exact ESR (SSJB tau 0.6, alpha 0.5), also printed by the stochastic command
        assertTrue(out.contains("ESR 0.081305"), out);
    }
}
