package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.school;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.dossier.FindRenewalDossier;
import nl.partnershipregistry.projections.query.dossier.RenewalDossier;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A CoVE funded by RIF from 2010 to 2013 and again from 2014 to 2017; the funder decides on 1 March
 * 2017. The delivery of a promise that ran until 2016 is recorded only in June 2017.
 */
class RenewalDossierTest {

  private static final Instant DECISION = Instant.parse("2017-03-01T10:00:00Z");
  private static final Instant DELIVERY_RECORDED = Instant.parse("2017-06-01T10:00:00Z");

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story cove = new Story("cove");

  RenewalDossierTest() {
    readModels.feed(
        school("roc", "ROC", SchoolLevel.MBO), employer("company", "Installatiebedrijf"));
    cove.recordedOn("2017-01-10T09:00:00Z");
    cove.registered("2010", "CoVE Installatietechniek", PartnershipKind.COVE_CIV);
    cove.joined("2010", "roc", PartnerRole.LEAD);
    cove.joined("2010", "company", PartnerRole.CORE);
    cove.funding("2010", "rif-1", FundingType.SUBSIDY, 800_000, "2010", "2013");
    cove.phase("2012", Phase.STRUCTURAL);
    cove.funding("2014", "rif-2", FundingType.SUBSIDY, 900_000, "2014", "2017");
    cove.commitment(
        "2014", "places", "company", CommitmentType.PLACEMENTS, 20, Unit.PLACES, "2014", "2016");
    cove.commitment(
        "2014", "money", "company", CommitmentType.MONEY, 50_000, Unit.EUR, "2014", "2016");
    cove.broken("2016-06", "money");
    cove.recordedOn(DELIVERY_RECORDED).fulfilled("2016-12", "places");
    readModels.feed(cove.events().toArray());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private RenewalDossier dossier(Instant knownOn) {
    return readModels
        .partnerships()
        .handle(new FindRenewalDossier(cove.id(), LocalDate.parse("2017-03-01"), knownOn))
        .orElseThrow();
  }

  @Test
  void earlier_subsidies_show_what_became_of_the_partnership_12_and_24_months_after_they_ended() {
    RenewalDossier dossier = dossier(DECISION);

    assertThat(dossier.subsidies()).hasSize(2);
    RenewalDossier.SubsidyPeriod first = dossier.subsidies().get(0);
    assertThat(first.endedOn()).isEqualTo(LocalDate.parse("2013-12-31"));
    assertThat(first.endedOnAsDated()).hasToString("2013");
    assertThat(first.after12Months()).isEqualTo(Phase.STRUCTURAL);
    assertThat(first.after24Months()).isEqualTo(Phase.STRUCTURAL);
    assertThat(dossier.subsidies().get(1).endedOn()).isNull();
  }

  @Test
  void per_partner_what_was_promised_and_what_was_delivered_on_the_decision_date() {
    CommitmentLedger.PartnerLedger company = dossier(DECISION).partners().get(1);

    assertThat(company.name()).isEqualTo("Installatiebedrijf");
    assertThat(company.totals().commitments()).isEqualTo(2);
    assertThat(company.totals().broken()).isEqualTo(1);
    assertThat(company.totals().open()).isEqualTo(1);
    assertThat(company.totals().fulfilmentRate()).isEqualByComparingTo("0");
  }

  @Test
  void the_dossier_flags_subsidy_dependence_and_warns_of_the_cliff_and_the_promises() {
    RenewalDossier dossier = dossier(DECISION);

    assertThat(dossier.dependencyFlags())
        .filteredOn(f -> f.condition() == DurabilityIndicators.Condition.SUBSIDY_DEPENDENCE)
        .singleElement()
        .satisfies(f -> assertThat(f.raised()).isTrue());
    assertThat(dossier.openWarnings())
        .extracting(RenewalDossier.Warning::kind)
        .contains(
            RenewalDossier.WarningKind.SUBSIDY_CLIFF,
            RenewalDossier.WarningKind.COMMITMENT_OVERDUE,
            RenewalDossier.WarningKind.COMMITMENT_NOT_KEPT);
  }

  @Test
  void a_delivery_recorded_after_the_decision_is_not_in_the_dossier_of_the_decision_date() {
    assertThat(dossier(DECISION).openWarnings())
        .extracting(RenewalDossier.Warning::kind)
        .contains(RenewalDossier.WarningKind.COMMITMENT_OVERDUE);
    assertThat(dossier(DELIVERY_RECORDED).openWarnings())
        .extracting(RenewalDossier.Warning::kind)
        .doesNotContain(RenewalDossier.WarningKind.COMMITMENT_OVERDUE);
    assertThat(dossier(DELIVERY_RECORDED).partners().get(1).totals().fulfilmentRate())
        .isEqualByComparingTo("0.5");
  }

  @Test
  void the_evidence_is_the_timeline_entries_of_the_facts_the_dossier_names_with_their_sources() {
    RenewalDossier dossier = dossier(DECISION);

    assertThat(dossier.evidence())
        .extracting(Timeline.Entry::type)
        .contains("FundingAwarded", "CommitmentRecorded", "CommitmentBroken")
        .doesNotContain("CommitmentFulfilled");
    assertThat(dossier.evidence()).allSatisfy(e -> assertThat(e.source()).isEqualTo(Story.SOURCE));
    assertThat(dossier(DELIVERY_RECORDED).evidence())
        .extracting(Timeline.Entry::type)
        .contains("CommitmentFulfilled");
  }

  @Test
  void the_valid_date_defaults_to_the_day_of_the_decision() {
    RenewalDossier dossier =
        readModels
            .partnerships()
            .handle(new FindRenewalDossier(cove.id(), null, DECISION))
            .orElseThrow();

    assertThat(dossier.asOf()).isEqualTo(LocalDate.parse("2017-03-01"));
  }
}
