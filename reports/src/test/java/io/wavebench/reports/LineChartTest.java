package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void draws_a_png_with_a_coloured_line() throws Exception {
        byte[] png = new LineChart("t", "x", "y").guide(0.99, "99 %")
                .add(new LineChart.Series("a", new double[] {0, 10}, new double[] {0, 1})).png();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(760, image.getWidth());
        boolean blue = false;
        for (int x = 0; x < image.getWidth() && !blue; x++) {
            for (int y = 0; y < image.getHeight() && !blue; y++) blue = (image.getRGB(x, y) & 0xFFFFFF) == 0x1f77b4;
        }
        assertEquals(true, blue, "the first series is drawn in its colour");
    }

    @Test
    void a_points_interval_is_drawn_as_a_bar_through_it() throws Exception {
        // A point at 50 % with an interval of 10-90 %, on the frame's left edge: the bar's ends lie
        // far above and below the point, where the line (flat at 50 %) never goes.
        double[] x = {0, 10}, y = {0.5, 0.5};
        byte[] png = new LineChart("t", "x", "y").add(new LineChart.Series("a", x, y, new double[] {0.1, 0.5}, new double[] {0.9, 0.5})).png();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int plotH = 440 - 44 - 56, left = 72;
        int yAt75 = 44 + plotH - (int) Math.round(plotH * 0.75), yAt25 = 44 + plotH - (int) Math.round(plotH * 0.25);
        assertEquals(true, blueNear(image, left, yAt75), "the bar reaches 75 %");
        assertEquals(true, blueNear(image, left, yAt25), "and 25 %");
        byte[] plain = new LineChart("t", "x", "y").add(new LineChart.Series("a", x, y)).png();
        assertEquals(false, blueNear(ImageIO.read(new ByteArrayInputStream(plain)), left, yAt75), "without an interval nothing is drawn there");
    }

    @Test
    void the_title_is_black_whatever_the_last_series_colour() throws Exception {
        byte[] png = new LineChart("TITLE", "x", "y").add(new LineChart.Series("a", new double[] {0, 1}, new double[] {0, 1}))
                .add(new LineChart.Series("b", new double[] {0, 1}, new double[] {1, 0})).png();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int dark = 0, coloured = 0;
        for (int x = 72; x < 160; x++) {
            for (int y = 12; y < 30; y++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF, r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) < 100) dark++;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;
            }
        }
        assertEquals(true, dark > 20, "the title's ink is dark: " + dark);
        assertEquals(0, coloured, "and has no colour in it");
    }

    @Test
    void an_interval_without_a_bound_for_every_point_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new LineChart("t", "x", "y")
                .add(new LineChart.Series("a", new double[] {0, 1}, new double[] {0, 1}, new double[] {0}, new double[] {1})));
    }

    private static boolean blueNear(BufferedImage image, int x, int y) {
        for (int dx = -4; dx <= 4; dx++) {
            int rgb = image.getRGB(x + dx, y) & 0xFFFFFF;
            int r = rgb >> 16, b = rgb & 0xFF;
            if (b - r > 60) return true; // the first series' blue, even where antialiasing lightens it
        }
        return false;
    }

    @Test
    void a_series_with_unequal_axes_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new LineChart("t", "x", "y").add(new LineChart.Series("a", new double[] {0}, new double[] {0, 1})));
    }
}
