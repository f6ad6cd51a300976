package org.unet4j.io.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

class FigureRenderingTest {

  @Test
  void jetRunsFromDarkBlueThroughGreenToDarkRed() {
    assertThat(HeatmapRenderer.jet(0)).isEqualTo(0x000080);
    assertThat(HeatmapRenderer.jet(0.5)).isEqualTo(0x80FF80);
    assertThat(HeatmapRenderer.jet(1)).isEqualTo(0x800000);
  }

  @Test
  void outlinesMarkOnlyLabelPixelsNextToAnotherLabel() {
    // a 2×2 object (label 1) touching a 1×2 object (label 2) in a 4×4 image
    LabelImage labels = new LabelImage(4, 4, new int[] {0, 0, 0, 0, 0, 1, 1, 2, 0, 1, 1, 2, 0, 0, 0, 0});
    FloatImage grey = new FloatImage(1, 4, 4, new float[16]);
    BufferedImage picture = OverlayRenderer.render(grey, List.of(new Outline(labels, 0x00FF00)));
    int green = 0xFF00FF00;
    // all object pixels border background or the other object here; background stays black
    assertThat(picture.getRGB(1, 1)).isEqualTo(green);
    assertThat(picture.getRGB(3, 1)).isEqualTo(green);
    assertThat(picture.getRGB(0, 0)).isEqualTo(0xFF000000);
    LabelImage big = new LabelImage(3, 3, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1});
    BufferedImage whole = OverlayRenderer.render(new FloatImage(1, 3, 3, new float[9]), List.of(new Outline(big, 0xFF0000)));
    assertThat(whole.getRGB(1, 1)).as("interior of a uniform label is not an outline").isEqualTo(0xFF000000);
  }

  @Test
  void gridPlacesCellsRowByRow() {
    BufferedImage a = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    a.setRGB(0, 0, 0xFF0000);
    BufferedImage b = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, 0x0000FF);
    BufferedImage sheet = FigureGrid.layout(List.of(a, b, a), 2, 1);
    assertThat(sheet.getWidth()).isEqualTo(2 * 2 + 3);
    assertThat(sheet.getHeight()).isEqualTo(2 * 2 + 3);
    assertThat(sheet.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(sheet.getRGB(4, 1) & 0xFFFFFF).isEqualTo(0x0000FF);
    assertThat(sheet.getRGB(1, 4) & 0xFFFFFF).isEqualTo(0xFF0000);
  }
}
