package io.fresnel.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.GoldenFiles;
import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.metrics.ConstraintStatus;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every registered design ({@link Designs#all()}) passes, written once for all of
 * them (as EJML's {@code GenericLinearSolverChecks} is for its solvers). A subclass supplies the
 * one factory hook, {@link #casesFor(Design)}: the small scenarios on which a design is checked,
 * and how its objective is evaluated with the metric code. A registered design without a case
 * fails {@link #everyRegisteredDesignHasAContractCase()}, so a new design cannot skip the suite.
 *
 * <p>The contract, with the metric code ({@link MetricsEvaluator}, {@link ConstraintStatus}) as
 * the judge of every precoder a design returns:
 * <ul>
 *   <li>the power budget holds: ||P||_F^2 <= transmit_power_w (1 + 1e-9), with equality for a
 *       closed form;</li>
 *   <li>every constraint the scenario states for the design (users' {@code min_rate_bps_hz}, the
 *       solver block's CRB/PCRB/SPEB thresholds) is met, and a hybrid precoder has unit-modulus
 *       analog entries on its support and zeros off it (partially connected); or the status is
 *       {@code infeasible} and there is no precoder;</li>
 *   <li>the reported objective is the case's objective evaluated on the returned precoder;</li>
 *   <li>a cancelled run returns {@code cancelled} and no precoder;</li>
 *   <li>the same scenario (and seed) gives the same precoder, bit for bit;</li>
 *   <li>a warm start is never worse than its start point;</li>
 *   <li>a rejection ({@link DesignException}) starts with the design's name, and nothing else is
 *       thrown.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DesignContractChecks {
    /** Relative slack of the power budget (rounding of the final scaling). */
    public static final double POWER_TOLERANCE = 1e-9;
    /** Relative slack when an objective is compared with itself evaluated another way. */
    public static final double OBJECTIVE_TOLERANCE = 1e-9;
    /** Largest deviation of |[F_A]_{n,l}| from 1 on the analog support. */
    public static final double UNIT_MODULUS_TOLERANCE = 1e-12;

    /** A rate no user of a contract case can reach (bit/s/Hz). */
    public static final double UNREACHABLE_RATE_BPS_HZ = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether a design's objective is to be made large or small. */
    public enum Sense {
        /** Larger is better (rates, powers). */
        MAXIMISE,
        /** Smaller is better (bounds). */
        MINIMISE
    }

    /**
     * A design's objective as the metric code evaluates it.
     *
     * @param name what it is, e.g. "min secrecy rate (bit/s/Hz)"
     * @param sense whether larger or smaller is better
     * @param value its value in the metrics of a scenario with the precoder (null: does not exist)
     */
    public record Objective(String name, Sense sense, Function<Metrics, Double> value) {
        /** @return the objective of the precoder on the scenario */
        public Double of(Scenario scenario, Precoder precoder) {
            return value.apply(MetricsEvaluator.evaluate(scenario.withPrecoder(precoder)));
        }

        /** @return whether {@code candidate} is at least as good as {@code reference} (up to rounding) */
        boolean noWorse(double candidate, double reference) {
            double slack = OBJECTIVE_TOLERANCE * Math.max(1e-300, Math.abs(reference));
            return sense == Sense.MAXIMISE ? candidate >= reference - slack : candidate <= reference + slack;
        }
    }

    /**
     * One scenario a design is checked on.
     *
     * @param label what the set-up is, for the test names
     * @param tree the scenario file as a JSON tree, its {@code solver.algorithm} the design's name
     *     (variants for the rejection checks are edits of it)
     * @param objective the design's objective, evaluated with the metric code
     * @param closedForm whether the design is a closed form: status {@code optimal} after one
     *     iteration, exactly the power budget spent
     */
    public record ContractCase(String label, ObjectNode tree, Objective objective, boolean closedForm) {
        /** @return the scenario the tree describes */
        public Scenario scenario() {
            return read(tree);
        }

        /** @return a copy of the case on the edited tree */
        public ContractCase edited(String what, Consumer<ObjectNode> edit) {
            ObjectNode copy = tree.deepCopy();
            edit.accept(copy);
            return new ContractCase(label + ", " + what, copy, objective, closedForm);
        }
    }

    /** One design on one case, with its first (cold) run. */
    private record Subject(Design design, ContractCase c, Scenario scenario, DesignResult cold) {
        String name() {
            return design.name() + " on " + c.label();
        }
    }

    private List<Subject> subjects;

    /**
     * The one factory hook: the scenarios on which a registered design is checked.
     *
     * @param design a registered design
     * @return its cases (at least one, each a scenario the design handles and answers with a
     *     precoder), or an empty list when the subclass knows none (which fails the suite)
     */
    protected abstract List<ContractCase> casesFor(Design design);

    /**
     * Scenarios the design may reject: the case's scenario without a power budget, without users,
     * targets or eavesdroppers, and with each architecture. Overridable; the default covers the
     * inputs the registered designs read.
     *
     * @param c a case of the design
     * @return edits of it
     */
    protected List<ContractCase> awkwardVariants(ContractCase c) {
        int n = c.scenario().txArray().positions().size();
        List<ContractCase> out = new ArrayList<>();
        out.add(c.edited("no transmit_power_w", t -> t.remove("transmit_power_w")));
        out.add(c.edited("no users", t -> t.putArray("users")));
        out.add(c.edited("no targets", t -> t.putArray("targets")));
        out.add(c.edited("no eavesdroppers", t -> {
            t.putArray("eavesdroppers");
            if (t.get("targets") != null) {
                t.get("targets").forEach(target -> ((ObjectNode) target).put("eavesdropper", false));
            }
        }));
        out.add(c.edited("digital", t -> t.remove("architecture")));
        out.add(c.edited("hybrid-full, 2 RF chains", t -> architecture(t, "hybrid-full", 2)));
        if (n % 2 == 0) {
            out.add(c.edited("hybrid-partial, 2 RF chains", t -> architecture(t, "hybrid-partial", 2)));
        }
        return out;
    }

    /**
     * The case with every constraint it states made unreachable: each user's
     * {@code min_rate_bps_hz} raised to {@value #UNREACHABLE_RATE_BPS_HZ} bit/s/Hz, each solver
     * threshold {@code *_max_*} divided by 1e9. Overridable.
     *
     * @param c a case of the design
     * @return the edited case, equal to {@code c} when it states no constraint
     */
    protected ContractCase unreachable(ContractCase c) {
        return c.edited("unreachable constraints", t -> {
            if (t.get("users") != null) {
                t.get("users").forEach(u -> {
                    if (u.has("min_rate_bps_hz")) {
                        ((ObjectNode) u).put("min_rate_bps_hz", UNREACHABLE_RATE_BPS_HZ);
                    }
                });
            }
            ObjectNode solver = (ObjectNode) t.get("solver");
            List<String> thresholds = new ArrayList<>();
            solver.fieldNames().forEachRemaining(k -> {
                if (k.contains("_max_")) {
                    thresholds.add(k);
                }
            });
            thresholds.forEach(k -> solver.put(k, solver.get(k).asDouble() * 1e-9));
        });
    }

    private static void architecture(ObjectNode tree, String kind, int rfChains) {
        ObjectNode a = tree.putObject("architecture");
        a.put("kind", kind);
        a.put("rf_chains", rfChains);
    }

    /** @return every registered design on each of its cases, with its cold run (computed once) */
    private List<Subject> subjects() {
        if (subjects == null) {
            List<Subject> out = new ArrayList<>();
            for (Design d : Designs.all()) {
                for (ContractCase c : casesFor(d)) {
                    Scenario sc = c.scenario();
                    out.add(new Subject(d, c, sc, run(d, sc, DesignContext.none())));
                }
            }
            subjects = out;
        }
        return subjects;
    }

    private Stream<DynamicTest> forEachSubject(Consumer<Subject> check) {
        return subjects().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check.accept(s)));
    }

    @Test
    void everyRegisteredDesignHasAContractCase() {
        List<String> missing = new ArrayList<>();
        for (Design d : Designs.all()) {
            List<ContractCase> cases = casesFor(d);
            if (cases == null || cases.isEmpty()) {
                missing.add(d.name());
                continue;
            }
            for (ContractCase c : cases) {
                assertEquals(d.name(), c.scenario().solver().algorithm(), c.label() + ": solver.algorithm");
            }
        }
        assertTrue(missing.isEmpty(), "registered designs without a contract case (add one to the factory hook): "
                + missing);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsAnsweredWithAPrecoder() {
        return forEachSubject(s -> assertNotNull(s.cold().precoder(), s.name() + " must exercise the design: "
                + s.cold().status() + ", " + s.cold().message()));
    }

    @TestFactory
    Stream<DynamicTest> thePowerBudgetHolds() {
        return forEachSubject(s -> {
            checkPower(s.design(), s.c(), s.scenario(), s.cold());
            assertFalse(s.cold().status() == DesignStatus.CANCELLED, s.name());
        });
    }

    @TestFactory
    Stream<DynamicTest> everyPromisedConstraintIsMetOrTheRunIsInfeasible() {
        return forEachSubject(s -> checkConstraints(s.c(), s.c(), s.scenario(), s.cold()));
    }

    @TestFactory
    Stream<DynamicTest> theObjectiveIsTheMetricOfThePrecoder() {
        return forEachSubject(s -> {
            DesignResult r = s.cold();
            assertEquals(s.design().name(), r.algorithm());
            if (r.precoder() == null) {
                return;
            }
            Double expected = s.c().objective().of(s.scenario(), r.precoder());
            assertNotNull(expected, s.name() + ": " + s.c().objective().name() + " does not exist");
            assertNotNull(r.objective(), s.name() + ": no objective reported");
            assertEquals(expected, r.objective(), OBJECTIVE_TOLERANCE * Math.abs(expected),
                    s.name() + ": " + s.c().objective().name());
            if (s.c().closedForm()) {
                assertEquals(DesignStatus.OPTIMAL, r.status(), s.name());
                assertEquals(1, r.iterations(), s.name());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aRunCancelledBeforeItStartsReturnsCancelledAndNoPrecoder() {
        return forEachSubject(s -> {
            DesignResult r = run(s.design(), s.scenario(), new DesignContext(() -> true, ProgressListener.NONE, null));
            assertEquals(DesignStatus.CANCELLED, r.status(), s.name());
            assertNull(r.precoder(), s.name());
        });
    }

    /**
     * The flag is raised as soon as the run has looked at it once (when it starts): an iterative
     * design sees it at its next check and must return {@code cancelled} without a precoder; a
     * closed form never looks again and finishes.
     */
    @TestFactory
    Stream<DynamicTest> aRunCancelledWhileItWorksReturnsCancelledAndNoPrecoder() {
        return forEachSubject(s -> {
            AtomicInteger polls = new AtomicInteger();
            DesignResult r = run(s.design(), s.scenario(),
                    new DesignContext(() -> polls.incrementAndGet() > 1, ProgressListener.NONE, null));
            if (s.cold().iterations() > 1) {
                assertTrue(polls.get() > 1, s.name() + " iterates but never checked the cancellation flag");
            }
            if (polls.get() > 1) {
                assertEquals(DesignStatus.CANCELLED, r.status(), s.name() + ": saw the flag; " + r.message());
                assertNull(r.precoder(), s.name());
            } else {
                assertEquals(s.cold().precoder(), r.precoder(), s.name() + " finished without looking at the flag");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> theSameSeedGivesTheSamePrecoder() {
        return forEachSubject(s -> {
            DesignResult again = run(s.design(), s.c().scenario(), DesignContext.none());
            assertEquals(s.cold().status(), again.status(), s.name());
            assertEquals(s.cold().iterations(), again.iterations(), s.name());
            assertEquals(s.cold().precoder(), again.precoder(), s.name() + ": the precoder differs bit for bit");
            assertEquals(s.cold().objective(), again.objective(), s.name());
        });
    }

    /**
     * Warm-started from its own cold result (an iteration-limit result of an iterative design is
     * an unfinished start point), a design returns a precoder that meets the contract and whose
     * objective is no worse than the start point's, both evaluated with the metric code.
     */
    @TestFactory
    Stream<DynamicTest> aWarmStartIsNeverWorseThanItsStartPoint() {
        return forEachSubject(s -> {
            Precoder start = s.cold().precoder();
            assertNotNull(start, s.name() + ": no start point");
            DesignResult warm = run(s.design(), s.scenario(), new DesignContext(() -> false, ProgressListener.NONE,
                    start));
            assertNotNull(warm.precoder(), s.name() + ": the warm run lost its start point: " + warm.status() + ", "
                    + warm.message());
            checkPower(s.design(), s.c(), s.scenario(), warm);
            checkConstraints(s.c(), s.c(), s.scenario(), warm);
            Objective o = s.c().objective();
            double before = o.of(s.scenario(), start);
            double after = o.of(s.scenario(), warm.precoder());
            assertTrue(o.noWorse(after, before), s.name() + ": " + o.name() + " " + after + " after the warm start, "
                    + before + " at its start point");
        });
    }

    /**
     * On inputs it may not handle, a design either rejects them with a {@link DesignException}
     * whose message starts with its name, or returns a result that meets the contract; it throws
     * nothing else. Every design rejects at least one of them (a scenario without power budget at
     * least).
     */
    @TestFactory
    Stream<DynamicTest> rejectionsStartWithTheDesignsName() {
        return forEachSubject(s -> {
            int rejected = 0;
            for (ContractCase v : awkwardVariants(s.c())) {
                if (v.tree().equals(s.c().tree())) {
                    continue; // the edit changed nothing: that is the case itself
                }
                Scenario sc = v.scenario();
                DesignResult r;
                try {
                    r = s.design().run(sc, DesignContext.none());
                } catch (DesignException e) {
                    assertTrue(e.getMessage().startsWith(s.design().name() + ": "), v.label() + ": " + e.getMessage());
                    rejected++;
                    continue;
                } catch (RuntimeException e) {
                    throw new AssertionError(s.design().name() + " on " + v.label() + " threw " + e, e);
                }
                checkPower(s.design(), v, sc, r);
                checkConstraints(s.c(), v, sc, r);
            }
            assertTrue(rejected > 0, s.name() + " rejected none of the awkward variants");
        });
    }

    /**
     * A design whose case states constraints answers the case with those constraints made
     * unreachable by {@code infeasible} and no precoder, never by a precoder that violates them.
     */
    @TestFactory
    Stream<DynamicTest> unreachableConstraintsGiveInfeasibleAndNoPrecoder() {
        return subjects().stream().filter(s -> !unreachable(s.c()).tree().equals(s.c().tree()))
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    ContractCase v = unreachable(s.c());
                    DesignResult r = run(s.design(), v.scenario(), DesignContext.none());
                    assertEquals(DesignStatus.INFEASIBLE, r.status(), s.name() + ": " + r.message());
                    assertNull(r.precoder(), s.name());
                    assertNotNull(r.message(), s.name() + ": an infeasible result says why");
                }));
    }

    /**
     * A closed form, on every public golden scenario: it rejects the scenario naming itself, or
     * returns {@code optimal} after one iteration with exactly the power budget spent and the sum
     * rate as objective (null without users).
     */
    @TestFactory
    Stream<DynamicTest> aClosedFormSpendsTheBudgetOnEveryGoldenScenarioItAccepts() {
        List<Path> files = GoldenFiles.files("public", "*.scenario.json");
        assertFalse(files.isEmpty(), "no golden scenarios");
        return subjects().stream().filter(s -> s.c().closedForm()).map(Subject::design).distinct()
                .map(d -> DynamicTest.dynamicTest(d.name(), () -> {
                    int accepted = 0;
                    for (Path f : files) {
                        Scenario sc = ScenarioReader.readScenario(f);
                        DesignResult r;
                        try {
                            r = d.run(sc, DesignContext.none());
                        } catch (DesignException e) {
                            assertTrue(e.getMessage().startsWith(d.name() + ": "), e.getMessage());
                            continue;
                        }
                        assertEquals(DesignStatus.OPTIMAL, r.status(), d.name() + " on " + f);
                        assertEquals(1, r.iterations(), d.name() + " on " + f);
                        double power = r.precoder().effective().frobeniusNorm2();
                        assertEquals(sc.transmitPowerW(), power, POWER_TOLERANCE * sc.transmitPowerW(),
                                d.name() + " on " + f);
                        Double sumRate = MetricsEvaluator.evaluate(sc.withPrecoder(r.precoder())).system()
                                .sumRateBpsHz();
                        if (sc.users().isEmpty()) {
                            assertNull(r.objective(), d.name() + " on " + f);
                        } else {
                            assertEquals(sumRate, r.objective(), OBJECTIVE_TOLERANCE * sumRate, d.name() + " on " + f);
                        }
                        accepted++;
                    }
                    assertTrue(accepted > 0, d.name() + " accepted none of the golden scenarios");
                }));
    }

    /** Runs the design; a rejection of a contract case fails the test with its message. */
    private static DesignResult run(Design d, Scenario sc, DesignContext context) {
        try {
            return d.run(sc, context);
        } catch (DesignException e) {
            throw new AssertionError(d.name() + " rejected its contract case: " + e.getMessage(), e);
        }
    }

    private static void checkPower(Design d, ContractCase c, Scenario sc, DesignResult r) {
        if (r.precoder() == null) {
            return;
        }
        double budget = sc.transmitPowerW();
        double power = r.precoder().effective().frobeniusNorm2();
        assertTrue(power <= budget * (1 + POWER_TOLERANCE), d.name() + " on " + c.label() + ": ||P||_F^2 = " + power
                + " W > " + budget + " W");
        if (c.closedForm()) {
            assertEquals(budget, power, POWER_TOLERANCE * budget, d.name() + " on " + c.label()
                    + ": a closed form spends the budget");
        }
    }

    /**
     * @param designedFor the design's own case
     * @param c the case the design ran on (its own or a variant)
     * @param sc the scenario of {@code c}
     * @param r the result
     */
    private static void checkConstraints(ContractCase designedFor, ContractCase c, Scenario sc, DesignResult r) {
        if (r.status() == DesignStatus.INFEASIBLE || r.status() == DesignStatus.CANCELLED) {
            assertNull(r.precoder(), c.label() + ": " + r.status().jsonName() + " with a precoder");
            return;
        }
        Precoder p = r.precoder();
        if (p == null) {
            return;
        }
        Scenario solved = sc.withPrecoder(p);
        Metrics m = MetricsEvaluator.evaluate(solved);
        for (ConstraintStatus.Check check : ConstraintStatus.of(solved, m)) {
            assertTrue(check.met(), c.label() + ": " + r.algorithm() + " (" + r.status().jsonName() + ") violates "
                    + check.name() + ": " + check.value() + " vs " + check.limit());
        }
        if (hybrid(designedFor.scenario()) && hybrid(sc)) {
            assertTrue(p.isHybrid(), c.label() + ": a design for a hybrid architecture returns P = F_A F_D");
        }
        if (p.isHybrid()) {
            checkStructure(c, sc, p);
        }
    }

    private static boolean hybrid(Scenario sc) {
        return sc.architecture() != null && sc.architecture().kind() != ArchitectureKind.DIGITAL;
    }

    /**
     * The hybrid structure the architecture asks for: as many RF chains, |F_A| = 1 on the support,
     * 0 off it (partially connected: chain l drives antennas l N/L .. (l + 1) N/L - 1).
     */
    private static void checkStructure(ContractCase c, Scenario sc, Precoder p) {
        assertTrue(hybrid(sc), c.label() + ": a hybrid precoder for a fully digital transmitter");
        ComplexMatrix fa = p.analog();
        int n = fa.rows();
        int chains = fa.cols();
        assertEquals(sc.architecture().rfChains(), chains, c.label() + ": RF chains");
        boolean partial = sc.architecture().kind() == ArchitectureKind.HYBRID_PARTIAL;
        int block = n / chains;
        for (int l = 0; l < chains; l++) {
            for (int i = 0; i < n; i++) {
                double modulus = Math.hypot(fa.re(i, l), fa.im(i, l));
                if (!partial || i / block == l) {
                    assertEquals(1, modulus, UNIT_MODULUS_TOLERANCE, c.label() + ": |F_A[" + i + "][" + l + "]|");
                } else {
                    assertEquals(0, modulus, 0, c.label() + ": F_A[" + i + "][" + l + "] off the partial support");
                }
            }
        }
    }

    /**
     * @param tree a scenario file as a JSON tree
     * @return the scenario, failing the test when the reader rejects it
     */
    public static Scenario read(ObjectNode tree) {
        try {
            return ScenarioReader.readScenario(JSON.writeValueAsString(tree));
        } catch (ScenarioFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("contract scenario rejected: " + e.getMessage(), e);
        }
    }

    /**
     * @param text a scenario file's text
     * @return its JSON tree
     */
    public static ObjectNode tree(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
