import java.util.*;
import java.util.function.Supplier;
import org.unet4j.core.augment.*;
import org.unet4j.core.image.*;
import org.unet4j.core.weights.*;
import org.unet4j.io.Normalization;
/** The timed cases of DataBench (same work, same inputs) as suppliers, made once per class loader by AB. */
public class Cases {
  public static Map<String, Supplier<Object>> make() {
    LabelImage inst = DataBench.touchingCells(512, 512, 6, 10, 0.63 * 512 / 10, 42);
    FloatImage raw = DataBench.microscopyImage(inst, 7);
    FloatImage norm = Normalization.percentile().apply(raw);
    ElasticDeformation elastic = ElasticDeformation.paper();
    SplittableRandom fieldRng = new SplittableRandom(1);
    BorderWeightMap border = BorderWeightMap.paperDefaults();
    ClassBalanceWeights balance = new ClassBalanceWeights(ClassBalance.BACKGROUND_ONE, 2);
    WeightMaps withSep = WeightMaps.paperDefaults();
    WeightMaps noSep = new WeightMaps(border, ClassBalance.BACKGROUND_ONE, Optional.empty());
    WeightedMask prep = noSep.fromInstances(inst);
    PatchSampler ts = new PatchSampler(List.of(new TrainingSample(norm, prep.classMask(), prep.weights())), 572, 388, AugmentationSpec.defaults(), IntensityJitter.defaults());
    long[] i = {0};
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("elastic", () -> SpatialTransform.identity(512, 512).withDisplacement(elastic.sample(fieldRng, 512, 512)).apply(norm, Interpolation.CUBIC));
    m.put("weights", () -> border.compute(inst, balance.pixelWeights(inst.foreground())));
    m.put("weights+separation", () -> withSep.fromInstances(inst));
    // the patch's steps one by one: its 572² image warp (quarter turn + elastic field) and its grey-value jitter
    SpatialTransform window = SpatialTransform.identity(572, 572).rotate90(1)
        .withDisplacement(elastic.sample(new SplittableRandom(2), 572, 572)).translate(-30, -30);
    FloatImage warped = window.apply(norm, Interpolation.CUBIC);
    IntensityTransform jitter = new IntensityTransform(0.9, 1.07, 0.03, 0, 0);
    m.put("warp572", () -> window.apply(norm, Interpolation.CUBIC));
    TrainingSample prepared = new TrainingSample(norm, prep.classMask(), prep.weights());
    m.put("warp+target", () -> ts.extract(prepared, window, IntensityTransform.identity()));
    m.put("jitter", () -> jitter.apply(warped));
    m.put("patch", () -> ts.sample(5, i[0]++));
    m.put("pipeline", () -> {
      FloatImage image = Normalization.percentile().apply(raw);
      WeightedMask target = noSep.fromInstances(inst);
      PatchSampler s = new PatchSampler(List.of(new TrainingSample(image, target.classMask(), target.weights())), 572, 388, AugmentationSpec.defaults(), IntensityJitter.defaults());
      return s.sample(5, i[0]++);
    });
    return m;
  }
}
