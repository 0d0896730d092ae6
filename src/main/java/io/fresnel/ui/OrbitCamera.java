package io.fresnel.ui;

import io.fresnel.math.Vec3;
import javafx.geometry.Point3D;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * The 3-D view's camera on a rig: it looks at a pivot from a distance, turned by a yaw about the
 * vertical and a pitch; orbit, pan, zoom and reset change those four numbers. Also turns a
 * pointer position into a ray in the scene's coordinates.
 */
final class OrbitCamera {
    /** Vertical field of view (degrees). */
    static final double FOV_DEG = 35;
    static final double DEFAULT_YAW = -55;
    static final double DEFAULT_PITCH = -22;

    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final Group rig = new Group(camera);
    private final Translate pivot = new Translate();
    private final Rotate yaw = new Rotate(DEFAULT_YAW, Rotate.Y_AXIS);
    private final Rotate pitch = new Rotate(DEFAULT_PITCH, Rotate.X_AXIS);
    private final Translate back = new Translate(0, 0, -1000);
    private double homeDistance = 1000;

    OrbitCamera() {
        camera.setFieldOfView(FOV_DEG);
        camera.setNearClip(0.5);
        camera.setFarClip(1e6);
        camera.getTransforms().add(back);
        rig.getTransforms().addAll(pivot, yaw, pitch);
    }

    PerspectiveCamera camera() {
        return camera;
    }

    /** @return the rig to add to the 3-D root (it holds the camera) */
    Group rig() {
        return rig;
    }

    /** @param distance the distance of the home view (scene units) */
    void setHome(double distance) {
        homeDistance = distance;
    }

    /** Back to the home view: default angles, pivot at the origin. */
    void reset() {
        yaw.setAngle(DEFAULT_YAW);
        pitch.setAngle(DEFAULT_PITCH);
        pivot.setX(0);
        pivot.setY(0);
        pivot.setZ(0);
        back.setZ(-homeDistance);
    }

    /**
     * @param dx pointer motion (px)
     * @param dy pointer motion (px)
     */
    void orbit(double dx, double dy) {
        yaw.setAngle(yaw.getAngle() + dx * 0.3);
        pitch.setAngle(Math.max(-89, Math.min(89, pitch.getAngle() - dy * 0.3)));
    }

    /**
     * Moves the pivot in the camera's screen plane.
     *
     * @param dx pointer motion (px)
     * @param dy pointer motion (px)
     * @param viewHeight the view's height (px)
     */
    void pan(double dx, double dy, double viewHeight) {
        double perPixel = -back.getZ() * 2 * Math.tan(Math.toRadians(FOV_DEG / 2)) / Math.max(1, viewHeight);
        Point3D right = rig.localToParent(new Point3D(1, 0, 0)).subtract(rig.localToParent(Point3D.ZERO));
        Point3D down = rig.localToParent(new Point3D(0, 1, 0)).subtract(rig.localToParent(Point3D.ZERO));
        Point3D move = right.multiply(-dx * perPixel).add(down.multiply(-dy * perPixel));
        pivot.setX(pivot.getX() + move.getX());
        pivot.setY(pivot.getY() + move.getY());
        pivot.setZ(pivot.getZ() + move.getZ());
    }

    /** @param factor how much nearer (> 1) or farther (< 1) */
    void zoom(double factor) {
        back.setZ(Math.max(-1e5, Math.min(-1, back.getZ() / factor)));
    }

    /**
     * The ray from the eye through a pointer position, in the coordinates of the 3-D root.
     *
     * @param sx pointer x in the view (px)
     * @param sy pointer y in the view (px)
     * @param width the view's width (px)
     * @param height the view's height (px)
     * @return {origin, direction}
     */
    Vec3[] ray(double sx, double sy, double width, double height) {
        double f = height / 2 / Math.tan(Math.toRadians(FOV_DEG / 2));
        Point3D eye = camera.localToScene(Point3D.ZERO);
        Point3D through = camera.localToScene(new Point3D(sx - width / 2, sy - height / 2, f));
        return new Vec3[] {new Vec3(eye.getX(), eye.getY(), eye.getZ()), new Vec3(through.getX() - eye.getX(),
                through.getY() - eye.getY(), through.getZ() - eye.getZ())};
    }

    /** @return the unit viewing direction in the coordinates of the 3-D root */
    Vec3 forward() {
        Point3D a = camera.localToScene(Point3D.ZERO);
        Point3D b = camera.localToScene(new Point3D(0, 0, 1));
        return new Vec3(b.getX() - a.getX(), b.getY() - a.getY(), b.getZ() - a.getZ());
    }
}
