package cn.officeflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
    platformDoesNotDependOnProcesses.check(MAIN);
  }

  @Test
  void processPackagesDoNotDependOnEachOther() {
    processPackagesDoNotDependOnEachOther.check(MAIN);
  }

  static final ArchRule engineInternalsOnlyInPlatformEngine =
      noClasses()
          .that()
          .resideOutsideOfPackage("cn.officeflow.platform.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.camunda.bpm.engine.impl..", "org.camunda.bpm.webapp.impl..")
          .because(
              "only platform/engine may touch Camunda internals, so an OpenRewrite migration to Operaton stays mechanical");

  static final ArchRule delegatesAreNamedAndThin =
      classes()
          .that()
          .implement(JavaDelegate.class)
          .should()
          .haveSimpleNameEndingWith("Delegate")
          .andShould()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "org.camunda.bpm.engine.delegate..",
              "org.springframework.stereotype..",
              "cn.officeflow..")
          .because("delegates call a service; the service holds the logic");

  static final ArchRule listenersAreThin =
      classes()
          .that()
          .implement(ExecutionListener.class)
          .or()
          .implement(TaskListener.class)
          .should()
          .haveSimpleNameEndingWith("Listener")
          .because("listeners are named for what they are");

  static final ArchRule platformDoesNotDependOnProcesses =
      noClasses()
          .that()
          .resideInAPackage("cn.officeflow.platform..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("cn.officeflow..")
                  .and(not(resideInAPackage("cn.officeflow.platform.."))))
          .because(
              "platform is shared machinery; processes depend on it, never the other way round");

  /**
   * Every package under cn.officeflow except platform is one process (outgoing, incoming, supervision,
   * destruction …). Hand-offs between processes go through BPMN (call activity, message) or a platform
   * interface that the called process implements (e.g. platform.supervise.SupervisedCases).
   */
  static final ArchRule processPackagesDoNotDependOnEachOther =
      slices()
          .matching("cn.officeflow.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(alwaysTrue(), resideInAPackage("cn.officeflow.platform.."))
          .ignoreDependency(resideInAPackage("cn.officeflow.platform.."), alwaysTrue())
          .because(
              "a process package is changed, tested and replaced on its own; platform is checked by the rule above");
}
