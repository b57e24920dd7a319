package nl.partnershipregistry.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of docs/decisions.md, held by the build. */
class ModuleBoundariesTest {

  private static JavaClasses registry;

  @BeforeAll
  static void importClasses() {
    registry =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.partnershipregistry");
  }

  @Test
  void the_domain_knows_only_the_jdk_axons_messaging_and_modelling_and_persistent_collections() {
    classes()
        .that()
        .resideInAPackage("nl.partnershipregistry.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "nl.partnershipregistry.core..",
            "org.axonframework.commandhandling..",
            "org.axonframework.messaging..",
            "org.axonframework.modelling..",
            "org.axonframework.eventsourcing..",
            "org.pcollections..")
        .allowEmptyShould(false)
        .check(registry);
  }

  @Test
  void the_domain_has_no_spring_mongodb_or_jackson() {
    noClasses()
        .that()
        .resideInAPackage("nl.partnershipregistry.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "com.mongodb..", "org.bson..", "com.fasterxml.jackson..")
        .allowEmptyShould(false)
        .check(registry);
  }

  @Test
  void the_domain_depends_on_no_other_module() {
    noClasses()
        .that()
        .resideInAPackage("nl.partnershipregistry.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "nl.partnershipregistry.eventstore..",
            "nl.partnershipregistry.projections..",
            "nl.partnershipregistry.api..")
        .allowEmptyShould(false)
        .check(registry);
  }

  @Test
  void the_event_store_depends_on_neither_projections_nor_the_application() {
    noClasses()
        .that()
        .resideInAPackage("nl.partnershipregistry.eventstore..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "nl.partnershipregistry.projections..",
            "nl.partnershipregistry.api..",
            "org.springframework..")
        .allowEmptyShould(false)
        .check(registry);
  }

  @Test
  void projections_do_not_depend_on_the_api_nor_on_the_event_store() {
    noClasses()
        .that()
        .resideInAPackage("nl.partnershipregistry.projections..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "nl.partnershipregistry.api..",
            "nl.partnershipregistry.eventstore..",
            "org.springframework..")
        .allowEmptyShould(false)
        .check(registry);
  }

  @Test
  void the_web_edge_does_not_talk_to_the_database() {
    noClasses()
        .that()
        .resideInAPackage("nl.partnershipregistry.api.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.mongodb..", "org.bson..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("Mongo")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("nl.partnershipregistry.eventstore.HashChainVerifier")
        .because("the web edge reads the event store through EventArchive")
        .allowEmptyShould(false)
        .check(registry);
  }

  /**
   * Each module's packages (web, pages, importing, problems, events, query, views...) with their
   * subpackages: none reaches itself through another, so the web edge and the pages never import
   * each other both ways.
   */
  @Test
  void no_package_depends_on_itself_through_others() {
    slices().matching("nl.partnershipregistry.(*).(*)..").should().beFreeOfCycles().check(registry);
  }

  /**
   * Every package of the domain on its own, subpackages apart: the aggregates' commands and events
   * name the partnership's vocabulary (identifiers, kinds, phases, roles), and only the aggregates
   * and their rules use the commands and events, never the other way round.
   */
  @Test
  void no_package_of_the_domain_depends_on_itself_through_others() {
    slices().matching("nl.partnershipregistry.core.(**)").should().beFreeOfCycles().check(registry);
  }

  /**
   * The read side's packages by question (durability, funding, ledger, timeline, audit, registry,
   * ...): each answers its question from the ones below it, and none reaches itself through
   * another; only the query handlers beside them ask them all.
   */
  @Test
  void no_question_of_the_read_side_depends_on_itself_through_others() {
    slices()
        .matching("nl.partnershipregistry.projections.query.(*)..")
        .should()
        .beFreeOfCycles()
        .check(registry);
  }
}
