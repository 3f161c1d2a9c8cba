package strata.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layout's promises, checked on the compiled classes: core is a plain library; server features do not loop. */
class ArchitectureTest {
  private static final JavaClasses STRATA = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("strata");

  @Test
  void coreDependsOnNoFrameworkDatabaseOrWebApi() {
    noClasses().that().resideInAPackage("strata..").and().resideOutsideOfPackage("strata.server..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.sql..",
            "java.sql..", "org.h2..", "org.postgresql..", "org.apache.catalina..", "org.apache.tomcat..",
            "tools.jackson..", "org.flywaydb..")
        .because("core is the framework-free library the CLI, the server and Spark share")
        .check(STRATA);
  }

  @Test
  void theServersFeaturePackagesHaveNoCycles() {
    slices().matching("strata.server.(*)..").should().beFreeOfCycles().check(STRATA);
  }
}
