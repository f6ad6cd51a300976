package org.unet4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The DJL module compiles against DJL's engine-agnostic API only (so GPU users can swap natives), knows nothing of
 * the command line, and inference does not depend on training.
 */
class DjlDependencyRulesTest {

  private static final JavaClasses DJL_MODULE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.unet4j.model", "org.unet4j.loss", "org.unet4j.train", "org.unet4j.infer",
              "org.unet4j.bundle");

  @Test
  void noPyTorchEngineClassesNoPicocli() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl.pytorch..", "picocli..").check(DJL_MODULE);
  }

  @Test
  void inferenceDoesNotDependOnTraining() {
    noClasses().that().resideInAPackage("org.unet4j.infer..").should().dependOnClassesThat()
        .resideInAPackage("org.unet4j.train..").check(DJL_MODULE);
  }

  @Test
  void theRulesSeeTheModuleClasses() {
    assertThat(DJL_MODULE.contain("org.unet4j.train.TrainingLoop")).isTrue();
    assertThat(DJL_MODULE.contain("org.unet4j.infer.Segmenter")).isTrue();
  }
}
