package io.fresnel.render;

import io.fresnel.io.AtomicFiles;
import io.fresnel.math.Vec3;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a field as CSV (SCENARIO.md section 5): the header {@code x_m,y_m,z_m,value} and one row
 * per grid point in index order (u fastest), the coordinates in metres and the value in SI units
 * ({@link Layer#siUnit()}; the beampattern in W, linear), every number with full precision
 * ({@link Double#toString}, which reads back to the same double; {@code NaN} where undefined).
 */
public final class FieldCsv {
    /** The header line. */
    public static final String HEADER = "x_m,y_m,z_m,value";

    private FieldCsv() {
    }

    /**
     * Writes the file atomically (a temporary file moved into place).
     *
     * @param f the field
     * @param out the file to create or replace
     * @throws IOException when the file cannot be written (it is then left unchanged)
     */
    public static void write(Field f, Path out) throws IOException {
        AtomicFiles.write(out, stream -> write(f, stream));
    }

    /**
     * Writes the CSV text as UTF-8 to a stream, which is flushed but not closed.
     *
     * @param f the field
     * @param out the stream; modified
     * @throws IOException when the stream fails
     */
    public static void write(Field f, OutputStream out) throws IOException {
        write(f, new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /**
     * Writes the CSV text to a writer, which is flushed but not closed.
     *
     * @param f the field
     * @param w the writer; modified
     * @throws IOException when the writer fails
     */
    public static void write(Field f, Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        GridSpec g = f.grid();
        StringBuilder line = new StringBuilder(96);
        for (int iv = 0; iv < g.nv(); iv++) {
            for (int iu = 0; iu < g.nu(); iu++) {
                Vec3 p = g.plane().point(g.u(iu), g.v(iv));
                line.setLength(0);
                double value = f.value(g.index(iu, iv));
                line.append(p.x()).append(',').append(p.y()).append(',').append(p.z()).append(',');
                if (Double.isFinite(value)) {
                    // a point where the layer has no value (on an element, ...) leaves the field empty
                    line.append(value);
                }
                line.append('\n');
                w.append(line);
            }
        }
        w.flush();
    }
}
