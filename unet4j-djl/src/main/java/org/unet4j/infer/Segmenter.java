package org.unet4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.tiling.MirrorIndex;

/**
 * Segments whole images with a trained U-Net: mirror-pads the image to a valid input (the paper's context
 * mirroring), runs the net in inference mode, and returns per-class softmax probabilities for every pixel.
 *
 * <p>For VALID nets the image is padded by {@code marginPx} on each side (92 px at depth 4) plus whatever brings
 * the size to the next valid input; for SAME nets it is padded up to a multiple of {@code 2^depth}. The whole
 * image goes through in one pass, so this suits images up to a few megapixels; large images go through the
 * overlap-tile planner instead.
 */
public final class Segmenter {

  private final Block block;
  private final UNetConfig config;
  private final NDManager manager;

  /**
   * Wraps an initialised block.
   *
   * @param block the network (parameters loaded)
   * @param config its architecture
   * @param manager a manager that outlives this segmenter; each call uses a sub-manager of it
   */
  public Segmenter(Block block, UNetConfig config, NDManager manager) {
    this.block = block;
    this.config = config;
    this.manager = manager;
  }

  /** Class probabilities {@code K×H×W} for an image {@code C×H×W} (C must equal the net's input channels). */
  public FloatImage predictProbabilities(FloatImage image) {
    if (image.channels() != config.inChannels()) {
      throw new IllegalArgumentException(
          "image has " + image.channels() + " channel(s) but the model expects " + config.inChannels()
              + "; convert the image (e.g. to grey) or use a model trained on " + image.channels() + " channel(s)");
    }
    UNetGeometry geometry = config.geometry();
    int margin = geometry.marginPx();
    int inputHeight = geometry.inputSizeFor(image.height());
    int inputWidth = geometry.inputSizeFor(image.width());
    float[] padded = mirrorPad(image, margin, inputHeight, inputWidth);
    int classes = config.numClasses();
    float[] output;
    int outputHeight;
    int outputWidth;
    try (NDManager tileManager = manager.newSubManager()) {
      NDArray input = tileManager.create(padded, new Shape(1, image.channels(), inputHeight, inputWidth));
      NDArray logits =
          block.forward(new ParameterStore(tileManager, false), new NDList(input), false).singletonOrThrow();
      NDArray probabilities = classes == 1 ? logits.getNDArrayInternal().sigmoid() : logits.softmax(1);
      outputHeight = (int) probabilities.getShape().get(2);
      outputWidth = (int) probabilities.getShape().get(3);
      output = probabilities.toFloatArray();
    }
    FloatImage result = FloatImage.zeros(classes, image.height(), image.width());
    for (int k = 0; k < classes; k++) {
      for (int y = 0; y < image.height(); y++) {
        System.arraycopy(
            output, (k * outputHeight + y) * outputWidth, result.data(), (k * image.height() + y) * image.width(),
            image.width());
      }
    }
    return result;
  }

  /**
   * The predicted class per pixel: argmax over classes, or for a single-channel (sigmoid) model, probability ≥ 0.5.
   */
  public LabelImage predictLabels(FloatImage image) {
    return ClassDecision.argmax(predictProbabilities(image));
  }

  /** Copies {@code image} into a {@code C×inputHeight×inputWidth} canvas starting at (−margin, −margin), mirrored. */
  private static float[] mirrorPad(FloatImage image, int margin, int inputHeight, int inputWidth) {
    int channels = image.channels();
    float[] canvas = new float[channels * inputHeight * inputWidth];
    int[] sourceX = new int[inputWidth];
    for (int x = 0; x < inputWidth; x++) {
      sourceX[x] = MirrorIndex.reflect(x - margin, image.width());
    }
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < inputHeight; y++) {
        int sourceRow = (c * image.height() + MirrorIndex.reflect(y - margin, image.height())) * image.width();
        int targetRow = (c * inputHeight + y) * inputWidth;
        for (int x = 0; x < inputWidth; x++) {
          canvas[targetRow + x] = image.data()[sourceRow + sourceX[x]];
        }
      }
    }
    return canvas;
  }
}
