package org.sparkhpo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers of DESIGN.md section 2, from the compiled main classes: a package may use only the
 * layers below it (never one above, never a sibling of its own tier), and Spark or Scala types appear only
 * in {@code spark} and {@code app}.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sparkhpo");
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("common").definedBy("org.sparkhpo.common..")
                .layer("space").definedBy("org.sparkhpo.space..")
                .layer("data").definedBy("org.sparkhpo.data..")
                .layer("train").definedBy("org.sparkhpo.train..")
                .layer("trial").definedBy("org.sparkhpo.trial..")
                .layer("objective").definedBy("org.sparkhpo.objective..")
                .layer("multiobjective").definedBy("org.sparkhpo.multiobjective..")
                .layer("strategy").definedBy("org.sparkhpo.strategy..")
                .layer("report").definedBy("org.sparkhpo.report..")
                .layer("search").definedBy("org.sparkhpo.search..")
                .layer("config").definedBy("org.sparkhpo.config..")
                .layer("spark").definedBy("org.sparkhpo.spark..")
                .layer("app").definedBy("org.sparkhpo.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("spark").mayOnlyBeAccessedByLayers("app")
                .whereLayer("config").mayOnlyBeAccessedByLayers("spark", "app")
                .whereLayer("search").mayOnlyBeAccessedByLayers("config", "spark", "app")
                .whereLayer("report").mayOnlyBeAccessedByLayers("search", "config", "spark", "app")
                .whereLayer("strategy").mayOnlyBeAccessedByLayers("search", "config", "spark", "app")
                .whereLayer("objective").mayOnlyBeAccessedByLayers("search", "config", "spark", "app")
                .whereLayer("multiobjective").mayOnlyBeAccessedByLayers("strategy", "report", "search", "config",
                        "spark", "app")
                .whereLayer("trial").mayOnlyBeAccessedByLayers("objective", "multiobjective", "strategy", "report",
                        "search", "config", "spark", "app")
                .whereLayer("train").mayOnlyBeAccessedByLayers("trial", "objective", "multiobjective", "strategy",
                        "report", "search", "config", "spark", "app")
                .whereLayer("data").mayOnlyBeAccessedByLayers("train", "trial", "objective", "multiobjective",
                        "strategy", "report", "search", "config", "spark", "app")
                .whereLayer("space").mayOnlyBeAccessedByLayers("data", "train", "trial", "objective",
                        "multiobjective", "strategy", "report", "search", "config", "spark", "app")
                .whereLayer("common").mayNotAccessAnyLayer()
                .check(classes);
    }

    @Test
    void sparkAndScalaStayInSparkAndApp() {
        noClasses().that().resideOutsideOfPackages("org.sparkhpo.spark..", "org.sparkhpo.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(classes);
    }

    @Test
    void theLayerRuleSeesAnUpwardImport() {
        // The rule must be able to fail: the app layer does use config, so "config may not be used" breaks.
        EvaluationResult result = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("org.sparkhpo.config..")
                .layer("app").definedBy("org.sparkhpo.app..")
                .whereLayer("config").mayNotBeAccessedByAnyLayer()
                .evaluate(classes);
        assertFalse(result.getFailureReport().isEmpty(), "a layer rule that nothing breaks proves nothing");
    }
}
