package org.unet4j.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** unet4j-core stays pure Java: no deep-learning engine, no GUI or image codecs, no CLI framework. */
class CoreDependencyRulesTest {

  private static final JavaClasses CORE =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.unet4j.core");

  @Test
  void coreImportsNoDjl() {
    noClasses().should().dependOnClassesThat().resideInAPackage("ai.djl..").check(CORE);
  }

  @Test
  void coreImportsNoAwtImageIoOrPicocli() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.awt..", "javax.imageio..", "javax.swing..", "picocli..")
        .check(CORE);
  }

  @Test
  void theRulesSeeTheCoreClasses() {
    // Guards against a rule that passes because the importer found nothing.
    org.assertj.core.api.Assertions.assertThat(CORE.contain("org.unet4j.core.geometry.UNetGeometry")).isTrue();
  }
}
