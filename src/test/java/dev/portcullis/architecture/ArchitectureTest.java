package dev.portcullis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.portcullis.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code layout as rules over the compiled classes (DESIGN.md, "Code layout"): every import arrow runs
 * down. The same rules are shown to catch what they forbid in a small, deliberately broken application
 * (the {@code fixture} package), so that a rule that could never fail does not pass for a kept one.
 */
class ArchitectureTest {

    private static final String APPLICATION = "dev.portcullis";
    private static final String FIXTURE = "dev.portcullis.architecture.fixture";
    /** Packages below every feature: none of them may import one. */
    private static final List<String> FOUNDATIONS = List.of("access", "errors", "net", "validation", "json", "database",
            "cluster", "clock", "sealing");
    private static final List<String> FEATURES = List.of("tenants", "keys", "users", "sessions", "ratelimit", "allowlist",
            "files", "gateway", "health", "bootstrap", "pipeline", "identities", "console", "audit", "webhooks");

    private static final JavaClasses APPLICATION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(APPLICATION);

    static ArchRule noCyclesBetweenTopLevelPackages(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("every import arrow runs down: no two top-level packages import each other");
    }

    static ArchRule accessImportsNoFeature(String root) {
        return classes().that().resideInAPackage(root + ".access..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".access..", root + ".errors..", "java..",
                        "jakarta..", "org.eclipse.microprofile..")
                .because("access is what an application's own resources import, and nothing else");
    }

    static ArchRule controlImportsNoBoundary(String root) {
        return noClasses().that().resideInAPackage(root + "..control..")
                .should().dependOnClassesThat().resideInAPackage(root + "..boundary..")
                .because("boundaries validate and translate; the rules in control must not depend on them");
    }

    /**
     * Another class reaches a normal-scoped bean through its CDI proxy, and Payara's Weld proxies call a
     * method by reflection unless it and the types it takes and returns are public (measured: about 5 % of a
     * keyed request's CPU). Private and static methods are never proxied.
     */
    static ArchRule beansCalledByOthersAreCalledDirectly() {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(ApplicationScoped.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(RequestScoped.class)
                .or().areDeclaredInClassesThat().belongToAnyOf(Caller.class) // produced request-scoped by Callers
                .should(new ArchCondition<JavaMethod>("be public, with public types, when another class calls them") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (method.getModifiers().contains(JavaModifier.PRIVATE) || method.getModifiers().contains(JavaModifier.STATIC)
                                || method.getCallsOfSelf().stream().allMatch(call -> outermost(call.getOriginOwner()).equals(method.getOwner()))) {
                            return;
                        }
                        boolean direct = method.getModifiers().contains(JavaModifier.PUBLIC) && isPublic(method.getRawReturnType())
                                && method.getRawParameterTypes().stream().allMatch(ArchitectureTest::isPublic);
                        if (!direct) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                    + " is called from another class but would be called by reflection through its CDI proxy"));
                        }
                    }
                });
    }

    private static JavaClass outermost(JavaClass type) {
        return type.getEnclosingClass().map(ArchitectureTest::outermost).orElse(type);
    }

    private static boolean isPublic(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        return base.isPrimitive() || base.getModifiers().contains(JavaModifier.PUBLIC);
    }

    @Test
    void theApplicationKeepsTheLayout() {
        for (ArchRule rule : List.of(noCyclesBetweenTopLevelPackages(APPLICATION), accessImportsNoFeature(APPLICATION),
                controlImportsNoBoundary(APPLICATION), beansCalledByOthersAreCalledDirectly())) {
            rule.check(APPLICATION_CLASSES);
        }
    }

    @Test
    void theRulesFindACycleAnAccessThatImportsAFeatureAControlThatImportsItsBoundaryAndABeanCalledByReflection() {
        JavaClasses broken = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(FIXTURE);
        assertTrue(noCyclesBetweenTopLevelPackages(FIXTURE).evaluate(broken).hasViolation(), "the cycle billing <-> shipping");
        assertTrue(accessImportsNoFeature(FIXTURE).evaluate(broken).hasViolation(), "access importing orders");
        assertTrue(controlImportsNoBoundary(FIXTURE).evaluate(broken).hasViolation(), "orders.control importing orders.boundary");
        assertTrue(beansCalledByOthersAreCalledDirectly().evaluate(broken).hasViolation(), "Checkout calling Rates.rateFor");
    }

    @Test
    void theFoundationsImportNoFeature() {
        String[] features = FEATURES.stream().map(feature -> APPLICATION + "." + feature + "..").toArray(String[]::new);
        for (String foundation : FOUNDATIONS) {
            noClasses().that().resideInAPackage(APPLICATION + "." + foundation + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(features)
                    .check(APPLICATION_CLASSES);
        }
    }

    @Test
    void theGridFunctionsImportOnlyTheJdkAndHazelcast() {
        classes().that().resideInAnyPackage(APPLICATION + ".ratelimit.grid..", APPLICATION + ".cluster.grid..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION + ".ratelimit.grid..", APPLICATION + ".cluster.grid..",
                        "java..", "com.hazelcast..")
                .because("they are also the grid functions jar, loaded by members without the application")
                .check(APPLICATION_CLASSES);
    }

    @Test
    void onlyThePipelineEstablishesTheCaller() {
        noClasses().that().resideOutsideOfPackage(APPLICATION + ".pipeline..")
                .should().callMethodWhere(DescribedPredicate.describe("a setter of Caller",
                        call -> call.getTarget().getOwner().isEquivalentTo(Caller.class)
                                && List.of("arrivedFrom", "authenticatedAs", "actsFor").contains(call.getTarget().getName())))
                .because("resources read the caller; what it says is the pipeline's to decide")
                .check(APPLICATION_CLASSES);
    }
}
