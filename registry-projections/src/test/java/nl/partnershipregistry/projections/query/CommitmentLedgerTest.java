package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.inGroup;
import static nl.partnershipregistry.projections.testing.Story.school;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.FindCommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.FindTrackRecord;
import nl.partnershipregistry.projections.query.ledger.LedgerAnswers;
import nl.partnershipregistry.projections.query.ledger.TrackRecord;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HiTecs made five promises to STBK: one fulfilled, one delivered 30 of 40 hours, one broken, one
 * withdrawn, one still open; by hand its fulfilment rate is (1 + 0.75 + 0 + 0) / 4 = 0.4375. The
 * HvA fulfilled its one promise, so the partnership's rate is (1 + 0.75 + 0 + 0 + 1) / 5 = 0.55.
 */
class CommitmentLedgerTest {

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story stbk = new Story("stbk");
  private final Story fabriek = new Story("fabriek");

  CommitmentLedgerTest() {
    readModels.feed(
        employer("stork", "Stork"),
        employer("hitecs", "HiTecs"),
        inGroup("hitecs", "stork", "1995"),
        employer("stork-fabrieken", "Stork Fabrieken"),
        inGroup("stork-fabrieken", "stork", "1995"),
        employer("other", "Another employer"),
        school("hva", "Hogeschool van Amsterdam", SchoolLevel.HBO));
    stbk.registered("2001", "STBK", PartnershipKind.DUAL_TRAJECTORY);
    stbk.joined("2001", "hva", PartnerRole.LEAD);
    stbk.joined("2001", "hitecs", PartnerRole.CORE);
    promise(stbk, "2003", "c1", "hitecs", 10);
    promise(stbk, "2003", "c2", "hitecs", 40);
    promise(stbk, "2003", "c3", "hitecs", 10);
    promise(stbk, "2003", "c4", "hitecs", 10);
    promise(stbk, "2003", "c5", "hitecs", 10);
    promise(stbk, "2003", "c6", "hva", 10);
    stbk.fulfilled("2004", "c1");
    stbk.partlyFulfilled("2004", "c2", 30, Unit.HOURS);
    stbk.broken("2005-03-01", "c3");
    stbk.withdrawn("2005-04-01", "c4");
    stbk.fulfilled("2004", "c6");
    fabriek.registered("2018", "Fabriek van de Toekomst", PartnershipKind.TECHNOHUB);
    fabriek.joined("2018", "stork-fabrieken", PartnerRole.CORE);
    fabriek.joined("2018", "other", PartnerRole.CORE);
    promise(fabriek, "2018", "f1", "stork-fabrieken", 100);
    promise(fabriek, "2018", "f2", "other", 100);
    fabriek.fulfilled("2019", "f1");
    fabriek.broken("2019", "f2");
    readModels.feed(stbk.events().toArray());
    readModels.feed(fabriek.events().toArray());
  }

  private static void promise(Story story, String on, String id, String organisation, long hours) {
    story.commitment(on, id, organisation, CommitmentType.STAFF_HOURS, hours, Unit.HOURS, on, null);
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private CommitmentLedger ledgerOn(String asOf) {
    return readModels
        .partnerships()
        .handle(new FindCommitmentLedger(stbk.id(), LocalDate.parse(asOf), null))
        .orElseThrow();
  }

  @Test
  void per_partner_promised_against_delivered_with_a_fulfilment_rate() {
    CommitmentLedger ledger = ledgerOn("2010-01-01");

    CommitmentLedger.PartnerLedger hitecs = ledger.partners().get(1);
    assertThat(hitecs.name()).isEqualTo("HiTecs");
    assertThat(hitecs.commitments())
        .extracting(CommitmentLedger.Line::status)
        .containsExactly(
            CommitmentLedger.Status.FULFILLED,
            CommitmentLedger.Status.PARTIALLY_FULFILLED,
            CommitmentLedger.Status.BROKEN,
            CommitmentLedger.Status.WITHDRAWN,
            CommitmentLedger.Status.OPEN);
    assertThat(hitecs.commitments().get(1).delivered().amount()).isEqualByComparingTo("30");
    assertThat(hitecs.totals().fulfilmentRate()).isEqualByComparingTo("0.4375");
    assertThat(ledger.totals().fulfilmentRate()).isEqualByComparingTo("0.55");
  }

  @Test
  void hours_are_added_up_per_unit_as_a_funder_counts_them_and_a_broken_promise_delivered_none() {
    CommitmentLedger ledger = ledgerOn("2010-01-01");
    CommitmentLedger.PartnerLedger hitecs = ledger.partners().get(1);

    assertThat(hitecs.commitments().get(2).delivered().amount()).isEqualByComparingTo("0");
    assertThat(hitecs.commitments().get(3).delivered()).isNull();
    // HiTecs: 10 + 40 + 10 + 10 promised (the withdrawn 10 left out); due 10 + 40 + 10,
    // delivered 10 + 30 + 0 = 40 of 60.
    assertThat(hitecs.totals().byUnit())
        .singleElement()
        .satisfies(
            hours -> {
              assertThat(hours.unit()).isEqualTo(Unit.HOURS);
              assertThat(hours.promised()).isEqualByComparingTo("70");
              assertThat(hours.due()).isEqualByComparingTo("60");
              assertThat(hours.delivered()).isEqualByComparingTo("40");
              assertThat(hours.deliveryRate()).isEqualByComparingTo("0.6667");
            });
    // With the HvA's 10 of 10: 50 of 70 hours, where the average of the promises' scores is 0.55.
    assertThat(ledger.totals().commitments()).isEqualTo(6);
    assertThat(ledger.totals().byUnit().get(0).deliveryRate()).isEqualByComparingTo("0.7143");
    assertThat(ledgerOn("2003-06-01").totals().byUnit().get(0).deliveryRate()).isNull();
  }

  private static CommitmentLedger.Line line(
      CommitmentLedger.Status status, Quantity promised, Quantity delivered) {
    return new CommitmentLedger.Line(
        CommitmentId.of("c"),
        OrganisationId.of("o"),
        CommitmentType.PLACEMENTS,
        promised,
        null,
        status,
        delivered,
        null,
        null,
        null,
        List.of());
  }

  @Test
  void a_total_is_as_exact_as_its_least_exact_part() {
    List<CommitmentLedger.Line> lines =
        List.of(
            line(
                CommitmentLedger.Status.FULFILLED,
                Quantity.of(150, Unit.PLACES),
                Quantity.of(277, Unit.PLACES)),
            line(
                CommitmentLedger.Status.PARTIALLY_FULFILLED,
                Quantity.about(50, Unit.PLACES),
                Quantity.of(20, Unit.PLACES)),
            line(CommitmentLedger.Status.OPEN, Quantity.atLeast(200, Unit.PLACES), null));

    CommitmentLedger.UnitTotals places = LedgerAnswers.byUnit(lines).get(0);

    // promised 150 + about 50 + at least 200: at least 400; due 150 + about 50: about 200;
    // delivered 277 + 20, both exact: 297
    assertThat(places.promised()).isEqualByComparingTo("400");
    assertThat(places.promisedExactness()).isEqualTo(Exactness.AT_LEAST);
    assertThat(places.due()).isEqualByComparingTo("200");
    assertThat(places.dueExactness()).isEqualTo(Exactness.APPROXIMATE);
    assertThat(places.delivered()).isEqualByComparingTo("297");
    assertThat(places.deliveredExactness()).isEqualTo(Exactness.EXACT);
    assertThat(places.deliveryRate()).isEqualByComparingTo("1.485");
  }

  @Test
  void exact_parts_make_an_exact_total() {
    CommitmentLedger.UnitTotals places =
        LedgerAnswers.byUnit(
                List.of(
                    line(
                        CommitmentLedger.Status.FULFILLED,
                        Quantity.of(10, Unit.PLACES),
                        Quantity.of(10, Unit.PLACES))))
            .get(0);

    assertThat(places.promisedExactness()).isEqualTo(Exactness.EXACT);
    assertThat(places.dueExactness()).isEqualTo(Exactness.EXACT);
    assertThat(places.deliveredExactness()).isEqualTo(Exactness.EXACT);
  }

  @Test
  void a_fulfilment_beyond_the_promise_is_shown_as_delivered_and_still_counts_once() {
    List<CommitmentLedger.Line> lines =
        List.of(
            line(
                CommitmentLedger.Status.FULFILLED,
                Quantity.of(150, Unit.PLACES),
                Quantity.of(277, Unit.PLACES)));

    assertThat(LedgerAnswers.totals(lines).fulfilmentRate()).isEqualByComparingTo("1");
    assertThat(LedgerAnswers.fulfilmentRange(lines).isExact()).isTrue();
  }

  @Test
  void broken_and_withdrawn_promises_carry_their_dates() {
    CommitmentLedger.PartnerLedger hitecs = ledgerOn("2010-01-01").partners().get(1);

    assertThat(hitecs.commitments().get(2).settledOn()).hasToString("2005-03-01");
    assertThat(hitecs.commitments().get(3).settledOn()).hasToString("2005-04-01");
  }

  @Test
  void before_anything_was_settled_there_is_no_rate_yet() {
    CommitmentLedger ledger = ledgerOn("2003-06-01");

    assertThat(ledger.totals().open()).isEqualTo(6);
    assertThat(ledger.totals().fulfilmentRate()).isNull();
  }

  @Test
  void a_track_record_spans_partnerships_and_counts_the_whole_group() {
    TrackRecord record =
        readModels
            .registry()
            .handle(new FindTrackRecord(OrganisationId.of("hitecs"), null, null))
            .orElseThrow();

    assertThat(record.groupName()).isEqualTo("Stork");
    assertThat(record.countedOrganisations())
        .extracting(OrganisationId::value)
        .containsExactly("hitecs", "stork", "stork-fabrieken");
    assertThat(record.partnerships())
        .extracting(p -> p.partnershipId().value())
        .containsExactly("fabriek", "stbk");
    // (1 + 0.75 + 0 + 0) from HiTecs and 1 from Stork Fabrieken over five settled promises.
    assertThat(record.totals().fulfilmentRate()).isEqualByComparingTo("0.55");
    assertThat(record.partnerships().get(0).commitments())
        .extracting(l -> l.commitmentId().value())
        .containsExactly("f1");
  }

  @Test
  void an_organisation_the_registry_does_not_know_has_no_track_record() {
    assertThat(
            readModels
                .registry()
                .handle(new FindTrackRecord(OrganisationId.of("nobody"), null, null)))
        .isEmpty();
  }
}
