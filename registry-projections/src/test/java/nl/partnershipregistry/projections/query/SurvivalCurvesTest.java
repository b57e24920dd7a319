package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.query.survival.FindSurvivalCurves;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Four partnerships started on 1 January 2000: two subsidised technohubs that ended after 731 and
 * 1461 days, a dual trajectory on contract revenue still running in 2010 (censored at 3653 days),
 * and one without recorded funding that ended after 2192 days. By hand, in all: S = 3/4 at 731
 * days, 3/4 * 2/3 = 1/2 at 1461 (the median, 4.0 years), 1/2 * 1/2 = 1/4 at 2192.
 */
class SurvivalCurvesTest {

  private final ReadModelFixture readModels = ReadModelFixture.embedded();

  SurvivalCurvesTest() {
    readModels.feed(employer("one", "One"), employer("two", "Two"));
    Story a = partnership("a", PartnershipKind.TECHNOHUB);
    a.funding("2000-01-01", "a-rif", FundingType.SUBSIDY, 100_000, "2000", "2001");
    a.joined("2000-01-01", "one", PartnerRole.CORE);
    a.discontinued("2002-01-01", DiscontinuationReason.SUBSIDY_ENDED);
    Story b = partnership("b", PartnershipKind.TECHNOHUB);
    b.funding("2000-01-01", "b-rif", FundingType.SUBSIDY, 100_000, "2000", "2003");
    b.joined("2000-01-01", "one", PartnerRole.CORE);
    b.joined("2000-01-01", "two", PartnerRole.CORE);
    b.discontinued("2004-01-01", DiscontinuationReason.SUBSIDY_ENDED);
    Story c = partnership("c", PartnershipKind.DUAL_TRAJECTORY);
    c.funding("2000-01-01", "c-fees", FundingType.CONTRACT_REVENUE, 100_000, "2000", null);
    Story d = partnership("d", PartnershipKind.DUAL_TRAJECTORY);
    d.discontinued("2006-01-01", DiscontinuationReason.TOO_FEW_PARTICIPANTS);
    for (Story story : new Story[] {a, b, c, d}) {
      readModels.feed(story.events().toArray());
    }
  }

  private static Story partnership(String id, PartnershipKind kind) {
    Story story = new Story(id);
    story.registered("2000-01-01", id, kind);
    return story;
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private SurvivalCurves curves(String asOf) {
    return readModels.registry().handle(new FindSurvivalCurves(LocalDate.parse(asOf), null));
  }

  @Test
  void overall_survival_with_the_running_partnership_censored() {
    SurvivalCurves.Curve all = curves("2010-01-01").overall();

    assertThat(all.partnerships()).isEqualTo(4);
    assertThat(all.discontinued()).isEqualTo(3);
    assertThat(all.censored()).isEqualTo(1);
    assertThat(all.steps())
        .extracting(SurvivalCurves.Step::atRisk, SurvivalCurves.Step::survival)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4, 0.75),
            org.assertj.core.groups.Tuple.tuple(3, 0.5),
            org.assertj.core.groups.Tuple.tuple(2, 0.25),
            org.assertj.core.groups.Tuple.tuple(1, 0.25));
    assertThat(all.medianYears()).isEqualTo(4.0);
  }

  @Test
  void by_kind_the_subsidised_technohubs_die_sooner() {
    SurvivalCurves curves = curves("2010-01-01");

    assertThat(curves.byKind())
        .extracting(SurvivalCurves.Curve::group, SurvivalCurves.Curve::medianYears)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DUAL_TRAJECTORY", 6.0014),
            org.assertj.core.groups.Tuple.tuple("TECHNOHUB", 2.0014));
  }

  @Test
  void by_funding_profile_and_by_employer_concentration() {
    SurvivalCurves curves = curves("2010-01-01");

    assertThat(curves.byFundingProfile())
        .extracting(SurvivalCurves.Curve::group, SurvivalCurves.Curve::partnerships)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.NO_FUNDING_RECORDED, 1),
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.NOT_SUBSIDY_DEPENDENT, 1),
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.SUBSIDY_DEPENDENT, 2));
    assertThat(curves.byEmployerConcentration())
        .extracting(SurvivalCurves.Curve::group, SurvivalCurves.Curve::partnerships)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.NO_EMPLOYER_RECORDED, 2),
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.CONCENTRATED, 1),
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.SPREAD, 1));
  }

  @Test
  void funding_without_amount_decides_the_profile_only_where_no_amount_could_tip_it() {
    Story e = partnership("e", PartnershipKind.TECHNOHUB);
    e.fundingWithoutAmount("2000-01-01", "e-efro", FundingType.SUBSIDY, "2000", null);
    Story f = partnership("f", PartnershipKind.TECHNOHUB);
    f.funding("2000-01-01", "f-fees", FundingType.MEMBER_FEES, 50_000, "2000", null);
    f.fundingWithoutAmount("2000-01-01", "f-efro", FundingType.SUBSIDY, "2000", null);
    readModels.feed(e.events().toArray());
    readModels.feed(f.events().toArray());

    assertThat(curves("2010-01-01").byFundingProfile())
        .extracting(SurvivalCurves.Curve::group, SurvivalCurves.Curve::partnerships)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.FUNDING_AMOUNTS_UNKNOWN, 1),
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.NO_FUNDING_RECORDED, 1),
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.NOT_SUBSIDY_DEPENDENT, 1),
            org.assertj.core.groups.Tuple.tuple(SurvivalCurves.SUBSIDY_DEPENDENT, 3));
  }

  @Test
  void a_partnership_whose_start_is_unknown_is_left_out_counted_and_named() {
    Story e = new Story("e");
    e.registeredExistingBy("2005-01-01", "e", PartnershipKind.TECHNOHUB);
    e.discontinued("2007-01-01", DiscontinuationReason.SUBSIDY_ENDED);
    readModels.feed(e.events().toArray());

    SurvivalCurves curves = curves("2010-01-01");

    // Counted from its evidence it would end at 731 days and give S = 4/5 there; left out, the
    // curve is the four partnerships' of the class comment.
    assertThat(curves.leftOutStartUnknown()).isEqualTo(1);
    assertThat(curves.leftOut())
        .extracting(l -> l.partnershipId().value(), SurvivalCurves.LeftOut::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("e", "e"));
    assertThat(curves.leftOut().get(0).existingBy().toString()).isEqualTo("2005-01-01");
    assertThat(curves.overall().partnerships()).isEqualTo(4);
    assertThat(curves.overall().steps())
        .extracting(SurvivalCurves.Step::atRisk, SurvivalCurves.Step::survival)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4, 0.75),
            org.assertj.core.groups.Tuple.tuple(3, 0.5),
            org.assertj.core.groups.Tuple.tuple(2, 0.25),
            org.assertj.core.groups.Tuple.tuple(1, 0.25));
    assertThat(curves.byKind())
        .extracting(SurvivalCurves.Curve::group, SurvivalCurves.Curve::partnerships)
        .contains(org.assertj.core.groups.Tuple.tuple("TECHNOHUB", 2));
    assertThat(curves("2004-01-01").leftOutStartUnknown()).isZero();
  }

  @Test
  void a_start_known_only_as_a_bound_is_left_out_and_a_circa_start_counts_from_its_stated_year() {
    Story bounded = new Story("bounded");
    bounded.registered("[..2005]", "bounded", PartnershipKind.TECHNOHUB);
    bounded.discontinued("2007-01-01", DiscontinuationReason.SUBSIDY_ENDED);
    Story circa = new Story("circa");
    circa.registered("2001~", "circa", PartnershipKind.TECHNOHUB);
    readModels.feed(bounded.events().toArray());
    readModels.feed(circa.events().toArray());

    SurvivalCurves curves = curves("2010-01-01");

    assertThat(curves.leftOut())
        .extracting(l -> l.partnershipId().value())
        .as("no later than 2005: how long it ran before 2007 is not known")
        .containsExactly("bounded");
    assertThat(curves.overall().partnerships()).isEqualTo(5);
    assertThat(curves.byKind())
        .extracting(SurvivalCurves.Curve::group, SurvivalCurves.Curve::partnerships)
        .contains(org.assertj.core.groups.Tuple.tuple("TECHNOHUB", 3));
    assertThat(curves("2000-06-01").overall().partnerships())
        .as("circa 2001 is not counted before 2001")
        .isEqualTo(4);
  }

  @Test
  void on_an_earlier_date_a_later_end_is_still_censored() {
    SurvivalCurves.Curve all = curves("2003-01-01").overall();

    assertThat(all.discontinued()).isEqualTo(1);
    assertThat(all.censored()).isEqualTo(3);
    assertThat(all.medianYears()).isNull();
  }

  @Test
  void asked_again_after_a_discontinuation_the_curves_count_it() {
    assertThat(curves("2010-01-01").overall().discontinued()).isEqualTo(3);
    Story late = partnership("late", PartnershipKind.TECHNOHUB);
    readModels.feed(late.events().toArray());
    assertThat(curves("2010-01-01").overall().censored()).isEqualTo(2);

    readModels.feed(late.discontinued("2003-01-01", DiscontinuationReason.OTHER));

    SurvivalCurves.Curve all = curves("2010-01-01").overall();
    assertThat(all.partnerships()).isEqualTo(5);
    assertThat(all.discontinued()).isEqualTo(4);
    assertThat(all.censored()).isEqualTo(1);
  }

  @Test
  void each_state_of_knowledge_has_its_own_curves_whatever_was_asked_before() {
    Story late = partnership("late", PartnershipKind.TECHNOHUB);
    late.recordedOn("2022-01-01T09:00:00Z");
    late.discontinued("2003-01-01", DiscontinuationReason.OTHER);
    readModels.feed(late.events().toArray());
    Instant before = Instant.parse("2021-06-01T00:00:00Z");
    Instant recorded = Instant.parse("2022-01-01T09:00:00Z");

    for (int round = 0; round < 2; round++) {
      assertThat(curves("2010-01-01", before).overall().discontinued()).isEqualTo(3);
      assertThat(curves("2010-01-01", before).asKnownOn()).isEqualTo(before);
      assertThat(curves("2010-01-01", recorded).overall().discontinued()).isEqualTo(4);
      assertThat(curves("2010-01-01", recorded.minusNanos(1)).overall().discontinued())
          .isEqualTo(3);
      assertThat(curves("2010-01-01").overall().discontinued()).isEqualTo(4);
    }
  }

  private SurvivalCurves curves(String asOf, Instant asKnownOn) {
    return readModels.registry().handle(new FindSurvivalCurves(LocalDate.parse(asOf), asKnownOn));
  }
}
