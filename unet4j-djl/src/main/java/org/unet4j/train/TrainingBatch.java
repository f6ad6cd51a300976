package org.unet4j.train;

/**
 * One training batch as plain arrays, ready to become NDArrays on the training thread.
 *
 * <p>Layouts: {@code images} is {@code (B, C, inputHeight, inputWidth)}; {@code labels} and {@code weights} are
 * {@code (B, outputHeight, outputWidth)} (the centred output region for VALID models, the whole tile for SAME).
 *
 * @param batchSize B
 * @param channels C
 * @param inputHeight tile input rows
 * @param inputWidth tile input columns
 * @param outputHeight label rows
 * @param outputWidth label columns
 * @param images network inputs
 * @param labels class index per output pixel
 * @param weights loss weight per output pixel (0 = ignore)
 */
public record TrainingBatch(
    int batchSize,
    int channels,
    int inputHeight,
    int inputWidth,
    int outputHeight,
    int outputWidth,
    float[] images,
    long[] labels,
    float[] weights) {

  /** Checks that the arrays match the sizes. */
  public TrainingBatch {
    long inputs = (long) batchSize * channels * inputHeight * inputWidth;
    long outputs = (long) batchSize * outputHeight * outputWidth;
    if (images.length != inputs || labels.length != outputs || weights.length != outputs) {
      throw new IllegalArgumentException(
          "batch arrays do not match B=" + batchSize + ", C=" + channels + ", input " + inputHeight + "×"
              + inputWidth + ", output " + outputHeight + "×" + outputWidth + ": images " + images.length
              + ", labels " + labels.length + ", weights " + weights.length);
    }
  }
}
