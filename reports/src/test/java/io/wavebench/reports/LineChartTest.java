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
    void a_series_with_unequal_axes_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new LineChart("t", "x", "y").add(new LineChart.Series("a", new double[] {0}, new double[] {0, 1})));
    }
}
