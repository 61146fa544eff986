package cn.officeflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/** DESIGN.md §1 and §8 as rules: public Camunda APIs only (Operaton migration), thin delegates. */
class ArchitectureTest {

  static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("cn.officeflow");

  @Test
  void engineInternalsStayInPlatformEngine() {
    engineInternalsOnlyInPlatformEngine.check(MAIN);
  }

  @Test
  void delegatesAndListenersAreThinAndNamed() {
    delegatesAreNamedAndThin.check(MAIN);
    listenersAreThin.check(MAIN);
  }

  @Test
  void platformDoesNotDependOnProcesses() {
    processPackagesDoNotDependOnEachOther.check(MAIN);
  }

  static final ArchRule engineInternalsOnlyInPlatformEngine = noClasses()
      .that().resideOutsideOfPackage("cn.officeflow.platform.engine..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..",
          "org.camunda.bpm.webapp.impl..")
      .because("only platform/engine may touch Camunda internals, so an OpenRewrite migration to Operaton stays mechanical");

  static final ArchRule delegatesAreNamedAndThin = classes()
      .that().implement(JavaDelegate.class)
      .should().haveSimpleNameEndingWith("Delegate")
      .andShould().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.camunda.bpm.engine.delegate..",
          "org.springframework.stereotype..", "cn.officeflow..")
      .because("delegates call a service; the service holds the logic");

  static final ArchRule listenersAreThin = classes()
      .that().implement(ExecutionListener.class).or().implement(TaskListener.class)
      .should().haveSimpleNameEndingWith("Listener")
      .because("listeners are named for what they are");

  static final ArchRule processPackagesDoNotDependOnEachOther = noClasses()
      .that().resideInAPackage("cn.officeflow.platform..")
      .should().dependOnClassesThat().resideInAnyPackage("cn.officeflow.outgoing..", "cn.officeflow.incoming..",
          "cn.officeflow.supervision..", "cn.officeflow.archive..")
      .because("platform is shared machinery; processes depend on it, never the other way round");
}
