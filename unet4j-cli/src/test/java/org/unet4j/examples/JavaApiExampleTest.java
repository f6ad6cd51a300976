package org.unet4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.augment.AugmentationSpec;
import org.unet4j.core.augment.IntensityJitter;
import org.unet4j.core.augment.PatchSampler;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.metrics.ConfusionCounts;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.core.synthetic.SyntheticCells;
import org.unet4j.core.synthetic.SyntheticCellsSpec;
import org.unet4j.core.synthetic.SyntheticImage;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.infer.Segmenter;
import org.unet4j.loss.WeightedSoftmaxCrossEntropy;
import org.unet4j.model.UNetBuilder;
import org.unet4j.train.OptimizerSpec;
import org.unet4j.train.PatchBatches;
import org.unet4j.train.TrainConfig;
import org.unet4j.train.TrainingListener;
import org.unet4j.train.TrainingLoop;

/**
 * The README's "Java API" section, compiled and run: only public API, from a package of its own. If this test needs
 * a change, the README needs the same one.
 */
class JavaApiExampleTest {

  @Test
  void trainSaveLoadAndSegmentThroughThePublicApi(@TempDir Path modelDir) throws Exception {
    // README: begin
    UNetConfig config = new UNetConfig(1, 2, 2, 8, Padding.SAME, Norm.BATCH, Upsampling.UPCONV, 0);
    WeightMaps weightMaps = WeightMaps.paperDefaults(); // w0 = 10, σ = 5 px, class balance
    List<TrainingSample> samples = new ArrayList<>();
    for (SyntheticImage cells : SyntheticCells.dataset(SyntheticCellsSpec.defaults(128, 128), 7, 6)) {
      WeightedMask target = weightMaps.fromInstances(cells.instances()); // foreground + separation borders
      samples.add(new TrainingSample(cells.image(), target.classMask(), target.weights()));
    }
    PatchSampler sampler =
        new PatchSampler(samples, 64, 64, AugmentationSpec.defaults(), IntensityJitter.defaults());
    TrainConfig training = new TrainConfig(120, 4, OptimizerSpec.Adam.of(3e-3), 42);
    try (NDManager manager = NDManager.newBaseManager();
        PatchBatches batches = new PatchBatches(sampler, 42, 4, 1)) {
      Block block = UNetBuilder.build(config); // He-normal initialisation
      block.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 64, 64));
      new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(), training)
          .run(batches, TrainingListener.none());
      ModelBundle.save(modelDir, config, block, Map.of("trained-on", "synthetic cells"));
    }

    SyntheticImage unseen = SyntheticCells.generate(SyntheticCellsSpec.defaults(150, 230), 99);
    LabelImage labels;
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = ModelBundle.load(modelDir, manager); // refuses a bundle of another architecture
      // runs a copy with batch norm folded into the convolutions (faster; the same function up to rounding)
      Segmenter segmenter = new Segmenter(block, ModelBundle.readDescriptor(modelDir).config(), manager);
      FloatImage probabilities = segmenter.predictProbabilities(unseen.image()); // overlap-tile, any size
      labels = segmenter.predictLabels(unseen.image());
      assertThat(probabilities.channels()).isEqualTo(2);
    }
    // README: end

    assertThat(labels.height()).isEqualTo(150);
    assertThat(labels.width()).isEqualTo(230);
    LabelImage truth = weightMaps.fromInstances(unseen.instances()).classMask();
    assertThat(ConfusionCounts.of(truth, labels, 2).iou(1)).isGreaterThan(0.7);
  }
}
