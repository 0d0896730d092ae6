package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.math.Vec3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepCsvTest {

    private static SweepResult result() {
        SweepSpec spec = new SweepSpec(SweepFigure.FIG3, SweepScenarios.smallBase(), List.of(2.0, 3.0), 2, 1,
                List.of("a"), null);
        List<SweepResult.Solve> solves = List.of(
                new SweepResult.Solve(2, 0, "a", "optimal", true, 1.25, 7.5, 1, 0.125, null),
                new SweepResult.Solve(2, 1, "a", "iteration-limit", true, 0.1, 0.1, 1000, 2.5,
                        "max_iterations reached"),
                new SweepResult.Solve(3, 0, "a", "infeasible", false, null, null, 4, 0.5, "needs \"more\", power"),
                new SweepResult.Solve(3, 1, "a", SweepResult.REJECTED, false, null, null, 0, 0, null));
        List<SweepResult.Point> points = SweepRunner.aggregate(spec, solves);
        List<Draw> draws = List.of(new Draw(0, List.of(new Vec3(10, 0, 0)), List.of(new Vec3(0, 12, 0),
                new Vec3(3, 4, 0))), new Draw(1, List.of(new Vec3(0, 20, 0)), List.of(new Vec3(11, 0, 0),
                new Vec3(12, 0, 0))));
        return new SweepResult(spec, solves, points, draws, 3.0);
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theSummaryHasTheContractHeaderAndFullPrecisionNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SweepCsv.writeSummary(result(), out);
        List<String> l = lines(out);
        assertEquals("figure,x_name,x,scheme,draws,counted,mean_bps_hz,std_bps_hz,min_bps_hz,max_bps_hz,mean_seconds",
                l.get(0));
        assertEquals(3, l.size());
        double mean = (1.25 + 0.1) / 2;
        double std = Math.sqrt((1.25 - mean) * (1.25 - mean) + (0.1 - mean) * (0.1 - mean));
        assertEquals("3,users,2,a,2,2," + mean + "," + std + ",0.1,1.25," + (0.125 + 2.5) / 2, l.get(1));
        assertEquals("3,users,3,a,2,0,,,,," + 0.25, l.get(2));
    }

    @Test
    void thePerDrawFileHasOneRowPerSolveAndQuotesText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SweepCsv.writeDraws(result(), out);
        List<String> l = lines(out);
        assertEquals(SweepCsv.DRAWS_HEADER, l.get(0));
        assertEquals("figure,x_name,x,draw,scheme,status,counted,min_secrecy_rate_bps_hz,objective,iterations,seconds,"
                + "message", l.get(0));
        assertEquals(5, l.size());
        assertEquals("3,users,2,0,a,optimal,true,1.25,7.5,1,0.125,", l.get(1));
        assertEquals("3,users,3,0,a,infeasible,false,,,4,0.5,\"needs \"\"more\"\", power\"", l.get(3));
        assertEquals("3,users,3,1,a,rejected,false,,,0,0.0,", l.get(4));
    }

    @Test
    void theNodesFileGivesPositionsAndPolarCoordinates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SweepCsv.writeNodes(result(), out);
        List<String> l = lines(out);
        assertEquals("draw,kind,index,x_m,y_m,z_m,range_m,angle_rad", l.get(0));
        assertEquals(7, l.size());
        assertEquals("0,target,1,10.0,0.0,0.0,10.0,0.0", l.get(1));
        assertEquals("0,user,1,0.0,12.0,0.0,12.0," + Math.PI / 2, l.get(2));
        assertEquals("0,user,2,3.0,4.0,0.0,5.0," + Math.atan2(4, 3), l.get(3));
    }

    @Test
    void nonCountXValuesUseDoubleToString() {
        assertEquals("20.0", SweepCsv.x(SweepFigure.FIG2, 20));
        assertEquals("1.0E-7", SweepCsv.x(SweepFigure.FIG6, 1e-7));
        assertEquals("128", SweepCsv.x(SweepFigure.FIG4, 128));
        assertEquals("", SweepCsv.text(null));
        assertEquals("plain", SweepCsv.text("plain"));
        assertEquals("\"a\nb\"", SweepCsv.text("a\nb"));
    }
}
