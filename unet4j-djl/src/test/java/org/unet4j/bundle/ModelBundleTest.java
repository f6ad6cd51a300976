package org.unet4j.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.model.UNetBuilder;

class ModelBundleTest {

  private static final UNetConfig VALID_NONE =
      new UNetConfig(1, 2, 2, 4, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.5);
  private static final UNetConfig SAME_BATCH =
      new UNetConfig(3, 3, 2, 4, Padding.SAME, Norm.BATCH, Upsampling.BILINEAR, 0.0);

  @TempDir Path tmp;

  private static Map<String, Object> metadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("classNames", List.of("background", "cell"));
    m.put("normalization", Map.of("mean", 0.5, "std", 0.25));
    m.put("epochs", 7);
    return m;
  }

  /** Builds, initialises, optionally runs two training-mode passes (moves BN running stats), saves. */
  private static float[] saveAndPredict(UNetConfig config, Path dir, float[] input, Shape inShape, int seed)
      throws IOException {
    Engine.getInstance().setRandomSeed(seed);
    Block block = UNetBuilder.build(config);
    try (NDManager m = NDManager.newBaseManager()) {
      block.initialize(m, DataType.FLOAT32, inShape);
      try (NDManager sub = m.newSubManager()) {
        NDArray x = sub.create(input, inShape);
        if (config.norm() == Norm.BATCH) {
          for (int i = 0; i < 2; i++) {
            block.forward(new ParameterStore(sub, false), new NDList(x), true);
          }
        }
        ModelBundle.save(dir, config, block, metadata());
        return predict(block, sub, input, inShape);
      }
    }
  }

  private static float[] predict(Block block, NDManager manager, float[] input, Shape inShape) {
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = sub.create(input, inShape);
      return block.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow().toFloatArray();
    }
  }

  private static float[] ramp(Shape shape) {
    float[] a = new float[(int) shape.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) Math.sin(0.37 * i) + (i % 7) * 0.1f;
    }
    return a;
  }

  private void assertRoundTripIsBitwiseIdentical(UNetConfig config, int size) throws IOException {
    Path dir = tmp.resolve("bundle");
    Shape inShape = new Shape(2, config.inChannels(), size, size);
    float[] input = ramp(inShape);
    float[] before = saveAndPredict(config, dir, input, inShape, 11);
    assertThat(dir.resolve(ModelBundle.DESCRIPTOR_FILE)).isRegularFile();
    assertThat(dir.resolve(ModelBundle.PARAMETERS_FILE)).isRegularFile();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary files left behind")
          .containsExactlyInAnyOrder(ModelBundle.DESCRIPTOR_FILE, ModelBundle.PARAMETERS_FILE);
    }
    Engine.getInstance().setRandomSeed(99); // a different seed: the loaded weights must not depend on it
    try (NDManager m = NDManager.newBaseManager()) {
      Block loaded = ModelBundle.load(dir, m);
      float[] after = predict(loaded, m, input, inShape);
      assertThat(after).containsExactly(before);
    }
  }

  @Test
  void saveLoadPredictIsBitwiseIdenticalForValidWithoutNorm() throws IOException {
    assertRoundTripIsBitwiseIdentical(VALID_NONE, VALID_NONE.geometry().minimumInput() + 4);
  }

  @Test
  void saveLoadPredictIsBitwiseIdenticalForSameWithBatchNormIncludingRunningStatistics() throws IOException {
    assertRoundTripIsBitwiseIdentical(SAME_BATCH, 16);
  }

  @Test
  void descriptorKeepsConfigMetadataAndWritesGeometry() throws IOException {
    Path dir = tmp.resolve("b");
    Shape in = new Shape(1, 1, 44, 44);
    saveAndPredict(VALID_NONE, dir, ramp(in), in, 3);
    ModelBundle bundle = ModelBundle.readDescriptor(dir);
    assertThat(bundle.config()).isEqualTo(VALID_NONE);
    assertThat(bundle.metadata()).isEqualTo(metadata());
    assertThat(bundle.metadata().keySet()).containsExactly("classNames", "normalization", "epochs");

    JsonNode json = new ObjectMapper().readTree(dir.resolve(ModelBundle.DESCRIPTOR_FILE).toFile());
    assertThat(json.get("formatVersion").intValue()).isEqualTo(1);
    JsonNode g = json.get("geometry");
    // Depth 2 VALID: margin 6·4 − 4 = 20 px; 572 is a valid size (572 − 12 ≡ 0 mod 4 and large enough) → 532 out.
    assertThat(g.get("marginPx").intValue()).isEqualTo(20);
    assertThat(g.get("poolingStridePx").intValue()).isEqualTo(4);
    assertThat(g.get("tileInputPx").intValue()).isEqualTo(572);
    assertThat(g.get("tileOutputPx").intValue()).isEqualTo(532);
    JsonNode first = json.get("parameters").get(0);
    assertThat(first.get("name").asText()).isEqualTo("01SequentialBlock_01SequentialBlock_01Conv2d_weight");
    assertThat(first.get("shape").toString()).isEqualTo("[4,1,3,3]");
  }

  @Test
  void paperDescriptorGeometryIs572To388WithMargin92() throws IOException {
    Path dir = tmp.resolve("paper-json-only");
    Files.createDirectories(dir);
    ModelBundle.Descriptor d =
        new ModelBundle.Descriptor(
            1,
            UNetConfig.paper(),
            ModelBundle.GeometryEntry.of(UNetConfig.paper()),
            Map.of(),
            ModelBundle.expectedManifest(UNetConfig.paper()));
    assertThat(d.geometry()).isEqualTo(new ModelBundle.GeometryEntry(92, 16, 188, 572, 388));
    new ObjectMapper().writeValue(dir.resolve(ModelBundle.DESCRIPTOR_FILE).toFile(), d);
    assertThat(ModelBundle.readDescriptor(dir).config()).isEqualTo(UNetConfig.paper());
  }

  @Test
  void unetConfigSurvivesJsonRoundTripForEveryPresetAndSwitch() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (UNetConfig c :
        List.of(UNetConfig.paper(), UNetConfig.padded(), SAME_BATCH, VALID_NONE.withDropoutRate(0.125))) {
      String text = json.writeValueAsString(c);
      assertThat(json.readValue(text, UNetConfig.class)).isEqualTo(c);
    }
    assertThat(json.writeValueAsString(UNetConfig.paper()))
        .isEqualTo(
            "{\"inChannels\":1,\"numClasses\":2,\"depth\":4,\"baseFilters\":64,\"padding\":\"VALID\","
                + "\"norm\":\"NONE\",\"upsampling\":\"UPCONV\",\"dropoutRate\":0.5}");
  }

  private Path savedBundle(String name, UNetConfig config) throws IOException {
    Path dir = tmp.resolve(name);
    int n = config.geometry().minimumInput();
    Shape in = new Shape(1, config.inChannels(), n, n);
    saveAndPredict(config, dir, ramp(in), in, 5);
    return dir;
  }

  private static void copyParams(Path from, Path to) throws IOException {
    Files.copy(
        from.resolve(ModelBundle.PARAMETERS_FILE),
        to.resolve(ModelBundle.PARAMETERS_FILE),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void parametersFromNetWithOtherBaseFiltersAreRejectedNamingTheFirstParameterAndBothShapes() throws IOException {
    Path target = savedBundle("target", VALID_NONE);
    copyParams(savedBundle("other", VALID_NONE.withBaseFilters(8)), target);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> ModelBundle.load(target, m))
          .isInstanceOf(BundleFormatException.class)
          .hasMessageContaining("'01SequentialBlock_01SequentialBlock_01Conv2d_weight'")
          .hasMessageContaining("(8, 1, 3, 3) in the file but (4, 1, 3, 3)")
          .hasMessageContaining("baseFilters=4");
      assertThat(m.getManagedArrays()).as("nothing leaks into the caller's manager").isEmpty();
    }
  }

  @Test
  void parametersFromNetWithOtherClassCountAreRejectedAtTheFinalConv() throws IOException {
    Path target = savedBundle("target", VALID_NONE);
    copyParams(savedBundle("other", VALID_NONE.withNumClasses(5)), target);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> ModelBundle.load(target, m))
          .isInstanceOf(BundleFormatException.class)
          .hasMessageContaining("'02Conv2d_weight'")
          .hasMessageContaining("(5, 4, 1, 1) in the file but (2, 4, 1, 1)")
          .hasMessageContaining("numClasses=2");
    }
  }

  @Test
  void parametersFromDeeperOrShallowerNetAreRejected() throws IOException {
    Path target = savedBundle("target", VALID_NONE);
    copyParams(savedBundle("deeper", VALID_NONE.withDepth(3)), target);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> ModelBundle.load(target, m))
          .isInstanceOf(BundleFormatException.class)
          .hasMessageContaining("depth=2")
          // Levels 0–2 of the contracting path agree (12 tensors); the deeper net then continues down, not up.
          .hasMessageContaining("at parameter #12 '01SequentialBlock_02SkipConcatBlock_01inner_02SequentialBlock"
              + "_02SkipConcatBlock_01inner_03UpConvBlock_weight' (the config expects shape (32, 16, 1, 1)")
          .hasMessageContaining("different architecture");
    }
    copyParams(savedBundle("shallower", VALID_NONE.withDepth(1)), target);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> ModelBundle.load(target, m))
          .isInstanceOf(BundleFormatException.class)
          .hasMessageContaining("depth=2")
          .hasMessageContaining("different architecture");
    }
  }

  @Test
  void trailingDataInTheParameterFileIsRejected() throws IOException {
    Path dir = savedBundle("trailing", VALID_NONE);
    Files.write(dir.resolve(ModelBundle.PARAMETERS_FILE), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> ModelBundle.load(dir, m))
          .isInstanceOf(BundleFormatException.class)
          .hasMessageContaining("data after the last of the 26 parameters");
    }
  }

  @Test
  void editedConfigIsRejectedByTheManifestBeforeLoading() throws IOException {
    Path dir = savedBundle("edited", VALID_NONE);
    Path json = dir.resolve(ModelBundle.DESCRIPTOR_FILE);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = (ObjectNode) mapper.readTree(json.toFile());
    ((ObjectNode) root.get("config")).put("baseFilters", 8);
    mapper.writeValue(json.toFile(), root);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> ModelBundle.load(dir, m))
          .isInstanceOf(BundleFormatException.class)
          .hasMessageContaining("manifest")
          .hasMessageContaining("parameter #0")
          .hasMessageContaining("(4, 1, 3, 3) in unet.json but")
          .hasMessageContaining("(8, 1, 3, 3) in the config")
          .hasMessageContaining("baseFilters=8");
    }
  }

  @Test
  void editedGeometryIsRejected() throws IOException {
    Path dir = savedBundle("geometry", VALID_NONE);
    Path json = dir.resolve(ModelBundle.DESCRIPTOR_FILE);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = (ObjectNode) mapper.readTree(json.toFile());
    ((ObjectNode) root.get("geometry")).put("marginPx", 92);
    mapper.writeValue(json.toFile(), root);
    assertThatThrownBy(() -> ModelBundle.readDescriptor(dir))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("marginPx=92")
        .hasMessageContaining("marginPx=20");
  }

  @Test
  void unsupportedFormatVersionIsRejected() throws IOException {
    Path dir = savedBundle("version", VALID_NONE);
    Path json = dir.resolve(ModelBundle.DESCRIPTOR_FILE);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = (ObjectNode) mapper.readTree(json.toFile());
    root.put("formatVersion", 2);
    mapper.writeValue(json.toFile(), root);
    assertThatThrownBy(() -> ModelBundle.readDescriptor(dir))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("format version 2")
        .hasMessageContaining("reads version 1");
  }

  @Test
  void missingFolderDescriptorOrParametersGiveClearErrors() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path missing = tmp.resolve("nope");
      assertThatThrownBy(() -> ModelBundle.load(missing, m))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining(missing.toString())
          .hasMessageContaining("folder does not exist");
      Path empty = Files.createDirectories(tmp.resolve("empty"));
      assertThatThrownBy(() -> ModelBundle.readDescriptor(empty))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining("unet.json");
      Path noParams = savedBundle("noparams", VALID_NONE);
      Files.delete(noParams.resolve(ModelBundle.PARAMETERS_FILE));
      assertThatThrownBy(() -> ModelBundle.load(noParams, m))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining("unet.params");
    }
  }

  @Test
  void savingABlockThatDoesNotMatchItsConfigFails() {
    Block block = UNetBuilder.build(VALID_NONE);
    try (NDManager m = NDManager.newBaseManager()) {
      block.initialize(m, DataType.FLOAT32, new Shape(1, 1, 44, 44));
      assertThatThrownBy(() -> ModelBundle.save(tmp.resolve("x"), VALID_NONE.withNumClasses(3), block, Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("02Conv2d_weight")
          .hasMessageContaining("(2, 4, 1, 1)")
          .hasMessageContaining("(3, 4, 1, 1)");
    }
  }
}
