package io.laminardb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package layering, enforced. Think twice before relaxing a rule here: dependencies point
 * one way (common <- core <- sql <- db), hot paths stay free of the streams API, and the public package
 * io.laminardb exposes no internal type.
 */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.laminardb");
  }

  @Test
  void commonDependsOnNothingOfOurs() {
    noClasses().that().resideInAPackage("io.laminardb.common..")
        .should().dependOnClassesThat().resideInAnyPackage("io.laminardb.core..", "io.laminardb.sql..",
            "io.laminardb.internal..")
        .check(classes);
  }

  @Test
  void coreDoesNotKnowSqlOrTheDatabase() {
    noClasses().that().resideInAPackage("io.laminardb.core..")
        .should().dependOnClassesThat().resideInAnyPackage("io.laminardb.sql..", "io.laminardb.internal..",
            "org.apache.calcite..")
        .check(classes);
  }

  @Test
  void objectStoreClientsStayInTheirModule() {
    // Checkpoint stores on object storage are found at run time (CheckpointStoreFactory).
    noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..").check(classes);
  }

  @Test
  void sqlDoesNotKnowTheDatabase() {
    noClasses().that().resideInAPackage("io.laminardb.sql..")
        .should().dependOnClassesThat().resideInAnyPackage("io.laminardb.internal..")
        .check(classes);
  }

  @Test
  void parserDoesNotKnowThePlanner() {
    noClasses().that().resideInAnyPackage("io.laminardb.sql.parser..", "io.laminardb.sql.tree..")
        .should().dependOnClassesThat().resideInAnyPackage("io.laminardb.sql.planner..",
            "io.laminardb.sql.codegen..", "io.laminardb.sql.translate..", "org.apache.calcite..")
        .check(classes);
  }

  @Test
  void hotPathsAvoidTheStreamsApi() {
    noClasses().that().resideInAnyPackage("io.laminardb.core.batch..", "io.laminardb.core.operator..",
            "io.laminardb.core.pipeline..", "io.laminardb.core.time..")
        .should().dependOnClassesThat().resideInAnyPackage("java.util.stream..")
        .check(classes);
  }

  @Test
  void noUtilityDumpingGrounds() {
    noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helpers..", "..misc..")
        .check(classes.that(com.tngtech.archunit.base.DescribedPredicate.describe("ours",
            c -> c.getPackageName().startsWith("io.laminardb"))));
  }

  @Test
  void publicApiExposesNoInternalTypes() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (var javaClass : classes) {
      if (!javaClass.getPackageName().equals("io.laminardb")) {
        continue;
      }
      Class<?> c = Class.forName(javaClass.getName());
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        check(m.getGenericReturnType(), c, m, leaks);
        for (Type p : m.getGenericParameterTypes()) {
          check(p, c, m, leaks);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static void check(Type type, Class<?> owner, Method m, List<String> leaks) {
    if (type instanceof ParameterizedType p) {
      check(p.getRawType(), owner, m, leaks);
      for (Type arg : p.getActualTypeArguments()) {
        check(arg, owner, m, leaks);
      }
    } else if (type instanceof Class<?> c) {
      String name = c.getName();
      if (name.startsWith("io.laminardb.internal") || name.startsWith("io.laminardb.core")
          || name.startsWith("io.laminardb.sql")) {
        leaks.add(owner.getSimpleName() + "." + m.getName() + " exposes " + name);
      }
    }
  }
}
