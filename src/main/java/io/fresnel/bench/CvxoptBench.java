package io.fresnel.bench;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.model.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fresnel bench --vs-cvxopt}: the {@code crb-min-sdr} cases of {@link SdrBench} and the
 * {@code an-secure-pcrb} cases of {@link SecureBench}, each timed in this JVM and by the cvxopt
 * reference scripts of {@code src/bench/python} ({@code crb_sdr_cvxopt.py},
 * {@code an_secure_cvxopt.py}, same programs, same search) run in one go, one table: Fresnel's
 * median wall and CPU time of the whole design, cvxopt's, their ratios (cvxopt / Fresnel: above 1
 * means Fresnel is faster) and the relative difference of the optima.
 *
 * <p>Fresnel's CPU time is that of the calling thread (the designs are single-threaded); cvxopt's
 * is the Python process time. On a machine shared with other jobs the CPU ratio is the steadier
 * of the two.
 */
final class CvxoptBench {
    private static final Pattern CRB_LINE = Pattern.compile(
            "^(\\d+)x\\d+ UPA, (\\d) user\\(s\\): median ([0-9.]+) ms.*?; (\\w+), sum CRB ([0-9.eE+-]+) m\\^2.*"
                    + "median cpu ([0-9.]+) ms");
    private static final Pattern SECURE_LINE = Pattern.compile(
            "^Nt = +(\\d+) .*best secrecy ([0-9.eE+-]+) bit/s/Hz after (\\d+) SDPs;.*median search ([0-9.]+) s, "
                    + "median search cpu ([0-9.]+) s");

    private CvxoptBench() {
    }

    /** One timed design: median wall and CPU seconds, the last result. */
    private record Timing(double wallS, double cpuS, DesignResult last) {
    }

    /** One case of the table: its label, design, scenario and cvxopt's result (null if missing). */
    private record Case(String label, String design, Scenario scenario, Reference reference) {
    }

    /** One cvxopt case: median wall and CPU seconds, status and optimum. */
    private record Reference(double wallS, double cpuS, String status, double objective) {
    }

    /**
     * @param out where to print
     * @param scripts the folder of the cvxopt scripts
     * @param python the Python interpreter with cvxopt and numpy
     * @param warmup untimed Fresnel designs per case, of all cases before the first timed one (at least 1; the
     *     JIT compiler needs several to reach steady state, the cvxopt scripts have no such phase), and one more
     *     untimed design right before each case's timed runs
     * @param runs timed runs per case on both sides
     * @return true if both scripts ran
     */
    static boolean run(PrintWriter out, Path scripts, String python, int warmup, int runs) {
        out.println("benchmark: Fresnel vs cvxopt, same reduced SDPs (crb-min-sdr: SdrBench cases; an-secure-pcrb:"
                + " SecureBench cases, whole 1-D gamma search); median of " + runs + " runs (Fresnel: after "
                + Math.max(1, warmup) + " warm-up design(s) of every case, all before the first timed run, and one more"
                + " right before each case's timed runs)");
        out.println("ratio = cvxopt time / Fresnel time (> 1: Fresnel faster); rel. diff = |F - C| / |C| of the optima");
        out.flush();
        List<String> crb = script(out, python, scripts.resolve("crb_sdr_cvxopt.py"), "--runs", Integer.toString(runs));
        List<String> secure = script(out, python, scripts.resolve("an_secure_cvxopt.py"), "--runs",
                Integer.toString(runs), "8", "16", "32", "64");
        if (crb == null || secure == null) {
            return false;
        }
        List<Case> cases = new ArrayList<>();
        for (int n : new int[] {16, 48}) {
            for (int users = 1; users <= 2; users++) {
                cases.add(new Case(String.format(Locale.ROOT, "crb-min-sdr %dx%d UPA, %d user(s)", n, n, users), "crb-min-sdr",
                        SdrBench.scenario(n, users), crbReference(crb, n, users)));
            }
        }
        for (int nt : SecureBench.SIZES) {
            cases.add(new Case(String.format(Locale.ROOT, "an-secure-pcrb Nt = %d", nt), "an-secure-pcrb", SecureBench.scenario(nt),
                    secureReference(secure, nt)));
        }
        // every case's warm-ups before any timing, so that no case is timed while the JIT compiler is still
        // working on code that the later cases share (the first case used to be timed 8-12 % slower than when
        // the same designs ran after the others)
        for (Case c : cases) {
            for (int i = 0; i < Math.max(1, warmup); i++) {
                try {
                    Designs.byName(c.design()).run(c.scenario(), DesignContext.none());
                } catch (DesignException e) {
                    break; // reported when the case is timed
                }
            }
        }
        out.printf(Locale.ROOT, "%-34s %8s %8s %9s %9s %7s %7s %10s  %s%n", "case", "F wall", "F cpu", "C wall", "C cpu",
                "ratio", "ratioC", "rel.diff", "statuses (Fresnel / cvxopt)");
        for (Case c : cases) {
            row(out, c.label(), c.design(), c.scenario(), runs, c.reference());
        }
        out.println("machine: " + EvalBench.machine());
        out.flush();
        return true;
    }

    private static void row(PrintWriter out, String label, String design, Scenario sc, int runs, Reference ref) {
        Timing t;
        try {
            t = time(design, sc, runs);
        } catch (DesignException e) {
            out.printf(Locale.ROOT, "%-34s rejected: %s%n", label, e.getMessage());
            return;
        }
        Double f = t.last().objective();
        if (ref == null) {
            out.printf(Locale.ROOT, "%-34s %7.1fms %7.1fms  (no cvxopt result)  %s%n", label, 1e3 * t.wallS(), 1e3 * t.cpuS(),
                    t.last().status().jsonName());
            return;
        }
        double diff = f == null ? Double.NaN : Math.abs(f - ref.objective()) / Math.abs(ref.objective());
        out.printf(Locale.ROOT, "%-34s %7.1fms %7.1fms %8.1fms %8.1fms %6.1fx %6.1fx %10.2e  %s / %s (F %.10g, C %.10g)%n", label,
                1e3 * t.wallS(), 1e3 * t.cpuS(), 1e3 * ref.wallS(), 1e3 * ref.cpuS(), ref.wallS() / t.wallS(),
                ref.cpuS() / t.cpuS(), diff, t.last().status().jsonName(), ref.status(), f == null ? Double.NaN : f,
                ref.objective());
        out.flush();
    }

    /** One timed design after one more untimed one (the case's data back in the caches). */
    private static Timing time(String design, Scenario sc, int runs) throws DesignException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Designs.byName(design).run(sc, DesignContext.none());
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        DesignResult last = null;
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            last = Designs.byName(design).run(sc, DesignContext.none());
            wall[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timing(wall[runs / 2], cpu[runs / 2], last);
    }

    private static Reference crbReference(List<String> lines, int n, int users) {
        for (String line : lines) {
            Matcher m = CRB_LINE.matcher(line);
            if (m.find() && Integer.parseInt(m.group(1)) == n && Integer.parseInt(m.group(2)) == users) {
                return new Reference(Double.parseDouble(m.group(3)) / 1e3, Double.parseDouble(m.group(6)) / 1e3,
                        m.group(4), Double.parseDouble(m.group(5)));
            }
        }
        return null;
    }

    private static Reference secureReference(List<String> lines, int nt) {
        for (String line : lines) {
            Matcher m = SECURE_LINE.matcher(line);
            if (m.find() && Integer.parseInt(m.group(1)) == nt) {
                return new Reference(Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                        m.group(3) + " SDPs", Double.parseDouble(m.group(2)));
            }
        }
        return null;
    }

    /** Runs a script, echoing its output; null (with a message) if it cannot run or fails. */
    private static List<String> script(PrintWriter out, String python, Path script, String... args) {
        if (!Files.isRegularFile(script)) {
            out.println("cvxopt script not found: " + script + " (run from the repository root or pass --cvxopt-scripts)");
            return null;
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(List.of(args));
        List<String> lines = new ArrayList<>();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.println("  cvxopt | " + line);
                    out.flush();
                    lines.add(line);
                }
            }
            int rc = p.waitFor();
            if (rc != 0) {
                out.println(script.getFileName() + " failed with exit code " + rc);
                return null;
            }
        } catch (IOException e) {
            out.println("cannot run " + python + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return lines;
    }
}
