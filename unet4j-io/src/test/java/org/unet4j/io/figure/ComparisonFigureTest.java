package org.unet4j.io.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

class ComparisonFigureTest {

  // truth 0 1 1 2     prediction 1 1 0 1
  static final LabelImage TRUTH = new LabelImage(1, 4, new int[] {0, 1, 1, 2});
  static final LabelImage PREDICTION = new LabelImage(1, 4, new int[] {1, 1, 0, 1});

  private static int rgb(BufferedImage picture, int x, int y) {
    return picture.getRGB(x, y) & 0xFFFFFF;
  }

  @Test
  void errorMapColoursFalsePositivesFalseNegativesAndWrongClasses() {
    BufferedImage errors = ComparisonFigure.errorMap(TRUTH, PREDICTION, false);
    assertThat(rgb(errors, 0, 0)).isEqualTo(ComparisonFigure.FALSE_POSITIVE_RGB);
    assertThat(rgb(errors, 1, 0)).isEqualTo(ComparisonFigure.AGREE_RGB);
    assertThat(rgb(errors, 2, 0)).isEqualTo(ComparisonFigure.FALSE_NEGATIVE_RGB);
    assertThat(rgb(errors, 3, 0)).isEqualTo(ComparisonFigure.WRONG_CLASS_RGB);
    // as instances, different ids on foreground are not an error
    assertThat(rgb(ComparisonFigure.errorMap(TRUTH, PREDICTION, true), 3, 0)).isEqualTo(ComparisonFigure.AGREE_RGB);
    assertThat(rgb(ComparisonFigure.errorMap(LabelImage.zeros(1, 1), LabelImage.zeros(1, 1), false), 0, 0)).isZero();
  }

  @Test
  void panelsSitSideBySideInTheOrderImageTruthPredictionErrors() {
    FloatImage image = new FloatImage(1, 1, 4, new float[] {0, 1, 2, 3});
    BufferedImage figure = ComparisonFigure.render(image, TRUTH, PREDICTION, false);
    // 4 panels of 4×1 with 4 px gaps around: width 5·4 + 4·4, height 1 + 2·4
    assertThat(figure.getWidth()).isEqualTo(36);
    assertThat(figure.getHeight()).isEqualTo(9);
    int y = 4;
    assertThat(rgb(figure, 4 + 3, y)).as("image panel, brightest pixel").isEqualTo(0xFFFFFF);
    assertThat(rgb(figure, 4, y)).as("image panel, darkest pixel").isZero();
    assertThat(rgb(figure, 12 + 0, y)).as("truth background").isZero();
    assertThat(rgb(figure, 12 + 3, y)).as("truth label 2 of 2").isEqualTo(0xFFFFFF);
    assertThat(rgb(figure, 20 + 2, y)).as("prediction background").isZero();
    assertThat(rgb(figure, 28 + 0, y)).as("error panel").isEqualTo(ComparisonFigure.FALSE_POSITIVE_RGB);
    assertThat(rgb(figure, 2, y)).as("gap").isEqualTo(0xFFFFFF);
    BufferedImage withoutImage = ComparisonFigure.render(null, TRUTH, PREDICTION, false);
    assertThat(withoutImage.getWidth()).isEqualTo(4 * 3 + 4 * 4);
  }

  @Test
  void sizesMustMatch() {
    assertThatThrownBy(() -> ComparisonFigure.render(null, TRUTH, LabelImage.zeros(2, 2), false))
        .hasMessageContaining("prediction is 2×2 but the truth is 1×4");
    assertThatThrownBy(() -> ComparisonFigure.render(FloatImage.zeros(1, 3, 3), TRUTH, PREDICTION, false))
        .hasMessageContaining("image is 3×3 but the truth is 1×4");
  }
}
