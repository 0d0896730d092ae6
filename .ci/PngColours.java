import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Counts the distinct colours of a rectangle of an image, for the CI checks (run as a source file:
 * {@code java .ci/PngColours.java FILE X Y WIDTH HEIGHT}); the rectangle is clipped to the image.
 * Prints the count; exits 1 when the file is not an image.
 */
public final class PngColours {
    public static void main(String[] args) throws Exception {
        BufferedImage img = ImageIO.read(new File(args[0]));
        if (img == null) {
            System.err.println("PngColours: " + args[0] + " is not an image");
            System.exit(1);
        }
        int x0 = Integer.parseInt(args[1]);
        int y0 = Integer.parseInt(args[2]);
        int x1 = Math.min(img.getWidth(), x0 + Integer.parseInt(args[3]));
        int y1 = Math.min(img.getHeight(), y0 + Integer.parseInt(args[4]));
        Set<Integer> colours = new HashSet<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                colours.add(img.getRGB(x, y));
            }
        }
        System.out.println(colours.size());
    }
}
