package io.fresnel.ui;

import io.fresnel.math.Vec3;
import io.fresnel.render.Plane;
import java.util.List;
import javafx.scene.shape.TriangleMesh;

/**
 * Meshes of the 3-D view, built in scenario coordinates (m): an antenna array as ONE mesh (a
 * small octahedron per element: 6 points and 8 faces each, so a 48 x 48 array is 18 432
 * triangles in one node and stays fluid), a textured rectangle of a cut plane and a
 * hemisphere (the Rayleigh distance).
 */
final class Meshes3D {
    private Meshes3D() {
    }

    /**
     * @param elements the element positions (m)
     * @param radiusM the half-size of each element's octahedron (m)
     * @return one mesh holding every element
     */
    static TriangleMesh array(List<Vec3> elements, double radiusM) {
        int n = elements.size();
        float[] pts = new float[n * 6 * 3];
        int[] faces = new int[n * 8 * 6];
        float r = (float) radiusM;
        float[][] dirs = {{r, 0, 0}, {-r, 0, 0}, {0, r, 0}, {0, -r, 0}, {0, 0, r}, {0, 0, -r}};
        // faces of an octahedron (vertex indices into dirs), outward winding
        int[][] tri = {{0, 2, 4}, {2, 1, 4}, {1, 3, 4}, {3, 0, 4}, {2, 0, 5}, {1, 2, 5}, {3, 1, 5}, {0, 3, 5}};
        int p = 0;
        int f = 0;
        for (int e = 0; e < n; e++) {
            Vec3 c = elements.get(e);
            for (float[] d : dirs) {
                pts[p++] = (float) c.x() + d[0];
                pts[p++] = (float) c.y() + d[1];
                pts[p++] = (float) c.z() + d[2];
            }
            int base = e * 6;
            for (int[] t : tri) {
                for (int k = 0; k < 3; k++) {
                    faces[f++] = base + t[k];
                    faces[f++] = 0;
                }
            }
        }
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(pts);
        mesh.getTexCoords().setAll(0, 0);
        mesh.getFaces().setAll(faces);
        return mesh;
    }

    /**
     * The rectangle [u0, u1] x [v0, v1] of a plane, with texture coordinates that put image row
     * 0 at v1 (as heatmap frames are stored) and column 0 at u0; both sides are faces.
     *
     * @param plane the plane
     * @param e {u0, u1, v0, v1} (m)
     * @return the mesh
     */
    static TriangleMesh planeRectangle(Plane plane, double[] e) {
        Vec3[] corners = {plane.point(e[0], e[3]), plane.point(e[1], e[3]), plane.point(e[1], e[2]),
            plane.point(e[0], e[2])};
        float[] pts = new float[12];
        for (int i = 0; i < 4; i++) {
            pts[3 * i] = (float) corners[i].x();
            pts[3 * i + 1] = (float) corners[i].y();
            pts[3 * i + 2] = (float) corners[i].z();
        }
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(pts);
        mesh.getTexCoords().setAll(0, 0, 1, 0, 1, 1, 0, 1);
        mesh.getFaces().setAll(0, 0, 1, 1, 2, 2, 0, 0, 2, 2, 3, 3, 0, 0, 2, 2, 1, 1, 0, 0, 3, 3, 2, 2);
        return mesh;
    }

    /**
     * A hemisphere of latitude-longitude quads (for a wireframe).
     *
     * @param centre its centre (m)
     * @param pole the unit direction of its pole
     * @param radiusM its radius (m)
     * @return the mesh
     */
    static TriangleMesh hemisphere(Vec3 centre, Vec3 pole, double radiusM) {
        Vec3 helper = Math.abs(pole.z()) < 0.9 ? new Vec3(0, 0, 1) : new Vec3(1, 0, 0);
        Vec3 e1 = cross(pole, helper);
        e1 = e1.times(1 / e1.norm());
        Vec3 e2 = cross(pole, e1);
        int rings = 8;
        int segments = 32;
        float[] pts = new float[((rings + 1) * segments) * 3];
        int p = 0;
        for (int i = 0; i <= rings; i++) {
            double phi = Math.PI / 2 * i / rings;
            for (int j = 0; j < segments; j++) {
                double th = 2 * Math.PI * j / segments;
                Vec3 q = centre.plus(e1.times(radiusM * Math.sin(phi) * Math.cos(th)))
                        .plus(e2.times(radiusM * Math.sin(phi) * Math.sin(th)))
                        .plus(pole.times(radiusM * Math.cos(phi)));
                pts[p++] = (float) q.x();
                pts[p++] = (float) q.y();
                pts[p++] = (float) q.z();
            }
        }
        int[] faces = new int[rings * segments * 2 * 6];
        int f = 0;
        for (int i = 0; i < rings; i++) {
            for (int j = 0; j < segments; j++) {
                int a = i * segments + j;
                int b = i * segments + (j + 1) % segments;
                int c = a + segments;
                int d = b + segments;
                for (int v : new int[] {a, c, b, b, c, d}) {
                    faces[f++] = v;
                    faces[f++] = 0;
                }
            }
        }
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(pts);
        mesh.getTexCoords().setAll(0, 0);
        mesh.getFaces().setAll(faces);
        return mesh;
    }

    static Vec3 cross(Vec3 a, Vec3 b) {
        return new Vec3(a.y() * b.z() - a.z() * b.y(), a.z() * b.x() - a.x() * b.z(), a.x() * b.y() - a.y() * b.x());
    }
}
