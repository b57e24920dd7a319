package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.inGroup;
import static nl.partnershipregistry.projections.testing.Story.organisation;
import static nl.partnershipregistry.projections.testing.Story.school;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.dossier.FindRenewalDossier;
import nl.partnershipregistry.projections.query.dossier.RenewalDossier;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.funding.FindFundingMix;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;

/**
 * Partnerships in situations that between them make every finding the registry says, from every
 * condition unknown to every condition at risk: a technohub that meets every condition in mid-2016
 * (as in {@code DurabilityIndicatorsTest}), a bare registration, one existing by its earliest
 * evidence, one that ran down with every kind of step before its end and one that simply ended, one
 * through every form of governance, a CoVE before its funder's decision (as in {@code
 * RenewalDossierTest}), funding whose amount or instrument no source gives, and a school on its
 * own. {@link #MOMENTS} are the partnerships and days the tests ask about.
 */
final class FindingScenarios implements AutoCloseable {

  /** A partnership on a day. */
  record Moment(String partnership, String day) {
    @Override
    public String toString() {
      return partnership + " on " + day;
    }
  }

  static final List<Moment> MOMENTS =
      List.of(
          new Moment("hub", "2009-06-01"),
          new Moment("hub", "2013-06-01"),
          new Moment("hub", "2014-06-01"),
          new Moment("hub", "2016-06-01"),
          new Moment("hub", "2020-06-01"),
          new Moment("bare", "2014-06-01"),
          new Moment("bare", "2016-06-01"),
          new Moment("klooster", "2016-06-01"),
          new Moment("ending", "2013-06-01"),
          new Moment("ending", "2014-03-01"),
          new Moment("ending", "2015-01-01"),
          new Moment("ended", "2015-01-01"),
          new Moment("platform", "2011-06-01"),
          new Moment("platform", "2013-06-01"),
          new Moment("platform", "2015-06-01"),
          new Moment("platform", "2017-06-01"),
          new Moment("cove", "2017-03-01"),
          new Moment("amounts", "2016-06-01"),
          new Moment("mixed", "2016-06-01"),
          new Moment("solo", "2016-06-01"),
          new Moment("hedged", "2016-06-01"));

  private final ReadModelFixture readModels = ReadModelFixture.embedded();

  FindingScenarios() {
    readModels.feed(
        school("hr", "Hogeschool Rotterdam", SchoolLevel.HBO),
        school("albeda", "Albeda", SchoolLevel.MBO),
        employer("port", "Port of Rotterdam"),
        employer("huisman", "Huisman"),
        school("hva", "Hogeschool van Amsterdam", SchoolLevel.HBO),
        employer("stork", "Stork"),
        employer("hitecs", "HiTecs"),
        inGroup("hitecs", "stork", "1995"),
        school("roc", "ROC", SchoolLevel.MBO),
        employer("company", "Installatiebedrijf"),
        organisation("province", "Provincie", OrganisationType.GOVERNMENT_BODY, null));
    List<Object> events = new ArrayList<>();
    List.of(
            hub(),
            bare(),
            klooster(),
            ending(),
            ended(),
            platform(),
            cove(),
            amounts(),
            mixed(),
            solo(),
            hedged())
        .forEach(story -> events.addAll(story.events()));
    readModels.feed(events.toArray());
  }

  DurabilityIndicators durability(Moment moment) {
    return readModels
        .partnerships()
        .handle(
            new FindDurabilityIndicators(
                PartnershipId.of(moment.partnership()), LocalDate.parse(moment.day()), null))
        .orElseThrow(() -> new AssertionError("no durability for " + moment));
  }

  RenewalDossier dossier(Moment moment) {
    return readModels
        .partnerships()
        .handle(
            new FindRenewalDossier(
                PartnershipId.of(moment.partnership()), LocalDate.parse(moment.day()), null))
        .orElseThrow(() -> new AssertionError("no dossier for " + moment));
  }

  FundingMix funding(Moment moment) {
    return readModels
        .partnerships()
        .handle(
            new FindFundingMix(
                PartnershipId.of(moment.partnership()), LocalDate.parse(moment.day()), null))
        .orElseThrow(() -> new AssertionError("no funding for " + moment));
  }

  @Override
  public void close() {
    readModels.close();
  }

  /** Meets every condition in mid-2016; its subsidy ended in 2012. */
  private static Story hub() {
    Story hub = new Story("hub");
    hub.registered("2009", "RDM Technohub", PartnershipKind.TECHNOHUB);
    hub.joined("2009", "hr", PartnerRole.LEAD);
    hub.joined("2009", "albeda", PartnerRole.CORE);
    hub.joined("2009", "port", PartnerRole.CORE);
    hub.joined("2009", "huisman", PartnerRole.CORE);
    hub.keyPerson("2009", "hr-director", KeyPersonRole.EXECUTIVE_SPONSOR, "hr", false);
    hub.keyPerson("2009", "hr-manager", KeyPersonRole.PROGRAMME_MANAGER, "hr", true);
    hub.keyPerson("2009", "port-ceo", KeyPersonRole.EXECUTIVE_SPONSOR, "port", false);
    hub.keyPerson("2009", "port-manager", KeyPersonRole.PROGRAMME_MANAGER, "port", true);
    hub.funding("2009", "efro", FundingType.SUBSIDY, 1_000_000, "2009", "2012");
    hub.activity("2010", "minor", LedFrom.INSIDE_EDUCATION, LearningForm.FORMAL, false);
    hub.commitment(
        "2010", "port-hours", "port", CommitmentType.STAFF_HOURS, 500, Unit.HOURS, "2010", "2012");
    hub.commitment(
        "2010",
        "huisman-places",
        "huisman",
        CommitmentType.PLACEMENTS,
        10,
        Unit.PLACES,
        "2010",
        "2012");
    hub.phase("2011", Phase.STRUCTURAL);
    hub.fulfilled("2012-12", "port-hours");
    hub.fulfilled("2012-12", "huisman-places");
    hub.governance("2012", GovernanceForm.FOUNDATION, "Stichting RDM");
    hub.funding("2013", "contracts", FundingType.CONTRACT_REVENUE, 800_000, "2013", "2020");
    hub.commitment(
        "2015", "port-mentors", "port", CommitmentType.MENTORS, 5, Unit.PERSONS, "2015", "2018");
    hub.commitment(
        "2015",
        "huisman-more",
        "huisman",
        CommitmentType.PLACEMENTS,
        10,
        Unit.PLACES,
        "2015",
        "2018");
    return hub;
  }

  /** Only its registration. */
  private static Story bare() {
    Story bare = new Story("bare");
    bare.registered("2015", "Bare", PartnershipKind.OTHER);
    return bare;
  }

  /** Registered on its earliest evidence: existing by 2015, start unknown. */
  private static Story klooster() {
    Story klooster = new Story("klooster");
    klooster.registeredExistingBy(
        "2015", "Leerhotel Het Klooster", PartnershipKind.LEARNING_COMPANY);
    return klooster;
  }

  /**
   * Ran down in 2013 and 2014, with every kind of step the end names (a funding ended, a commitment
   * broken and one withdrawn, a partner and the pioneer left, the phase changed, an activity
   * ended), and ended in an economic downturn in June 2014.
   */
  private static Story ending() {
    Story ending = new Story("ending");
    ending.registered("2010", "Duaal Techniek", PartnershipKind.DUAL_TRAJECTORY);
    ending.joined("2010", "hva", PartnerRole.LEAD);
    ending.joined("2010", "stork", PartnerRole.CORE);
    ending.joined("2010", "hitecs", PartnerRole.CORE);
    ending.keyPerson("2010", "pioneer", KeyPersonRole.PIONEER, "hitecs", false);
    ending.keyPerson("2010", "manager", KeyPersonRole.PROGRAMME_MANAGER, "hva", true);
    ending.funding("2010", "start", FundingType.SUBSIDY, 100_000, "2010", "2014");
    ending.activity("2010", "course", LedFrom.INSIDE_EDUCATION, LearningForm.FORMAL, false);
    ending.activity("2010", "network", LedFrom.OUTSIDE_EDUCATION, LearningForm.NON_FORMAL, true);
    ending.commitment(
        "2011", "hours", "stork", CommitmentType.STAFF_HOURS, 100, Unit.HOURS, "2011", "2014");
    ending.commitment(
        "2011", "money", "hitecs", CommitmentType.MONEY, 5_000, Unit.EUR, "2011", "2014");
    ending.fundingEnded("2013-06", "start");
    ending.broken("2013-09", "hours");
    ending.withdrawn("2013-10", "money");
    ending.left("2013-11", "hitecs");
    ending.keyPersonLeft("2013-12", "pioneer");
    ending.phase("2014-01", Phase.WINDING_DOWN);
    ending.activityEnded("2014-02", "network");
    ending.discontinued("2014-06", DiscontinuationReason.ECONOMIC_DOWNTURN);
    return ending;
  }

  /** Ended with no explanation and nothing in the 24 months before. */
  private static Story ended() {
    Story ended = new Story("ended");
    ended.registered("2005", "Kort Traject", PartnershipKind.OTHER);
    ended.joined("2005", "hva", PartnerRole.LEAD);
    PartnershipDiscontinued end = ended.discontinued("2014-06-30", DiscontinuationReason.OTHER);
    ended.corrected(
        new PartnershipDiscontinued(
            end.partnershipId(),
            end.factId(),
            end.occurredOn(),
            end.reason(),
            null,
            null,
            end.source(),
            end.recorded()),
        "the source gives no explanation");
    return ended;
  }

  /**
   * A covenant (2010), then a foundation (2012), then no formal form (2014), then none but a named
   * covenant (2016); a school, an employer and a province, one commitment, and funding in 2017 of
   * which only the contract revenue has an amount.
   */
  private static Story platform() {
    Story platform = new Story("platform");
    platform.registered("2010", "Platform Techniek", PartnershipKind.EMPLOYER_PLATFORM);
    platform.joined("2010", "roc", PartnerRole.LEAD);
    platform.joined("2010", "company", PartnerRole.CORE);
    platform.joined("2010", "province", PartnerRole.FUNDER);
    platform.governance("2010", GovernanceForm.COVENANT, null);
    platform.governanceChanged("2012", GovernanceForm.FOUNDATION, "Stichting Platform Techniek");
    platform.governanceChanged("2014", GovernanceForm.NONE, null);
    platform.governanceChanged("2016", GovernanceForm.NONE, "Convenant Techniek");
    platform.commitment(
        "2016", "mentors", "company", CommitmentType.MENTORS, 2, Unit.PERSONS, "2016", "2019");
    // A manager whose mandate no source gives: the top commitment says "unknown", not "no".
    platform.keyPerson("2016", "company-manager", KeyPersonRole.PROGRAMME_MANAGER, "company", null);
    platform.funding("2017", "contracts", FundingType.CONTRACT_REVENUE, 1_000, "2017", "2018");
    platform.fundingWithoutAmount("2017", "in-kind", FundingType.IN_KIND, "2017", null);
    return platform;
  }

  /**
   * A CoVE funded by RIF from 2010 to 2013 and again from 2014 to 2017; a promise broken, one
   * overdue.
   */
  private static Story cove() {
    Story cove = new Story("cove");
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
    return cove;
  }

  /** A subsidy whose amount no source gives, ending in 2016 with nothing after it. */
  private static Story amounts() {
    Story amounts = new Story("amounts");
    amounts.registered("2015", "Leerwerkloket", PartnershipKind.OTHER);
    amounts.joined("2015", "roc", PartnerRole.LEAD);
    amounts.fundingWithoutAmount("2015", "eu", FundingType.SUBSIDY, "2015", "2016");
    amounts.funding("2015", "fees", FundingType.MEMBER_FEES, 10_000, "2015", "2016");
    return amounts;
  }

  /**
   * A subsidy no source names the instrument of, ending in 2016, beside in-kind funding of unknown
   * amount that runs on.
   */
  private static Story mixed() {
    Story mixed = new Story("mixed");
    mixed.registered("2015", "Innovatiewerkplaats", PartnershipKind.OTHER);
    mixed.joined("2015", "hr", PartnerRole.LEAD);
    FundingAwarded grant =
        mixed.funding("2015", "grant", FundingType.SUBSIDY, 500_000, "2015", "2016");
    mixed.corrected(
        new FundingAwarded(
            grant.partnershipId(),
            grant.factId(),
            grant.occurredOn(),
            grant.fundingId(),
            grant.fundingType(),
            null,
            grant.funder(),
            grant.funderId(),
            grant.amount(),
            grant.period(),
            grant.conditions(),
            grant.source(),
            grant.recorded()),
        "the source names no instrument");
    mixed.fundingWithoutAmount("2015", "in-kind", FundingType.IN_KIND, "2015", null);
    mixed.fundingWithoutAmount("2016", "rooms", FundingType.IN_KIND, "2016", null);
    return mixed;
  }

  /** A school on its own. */
  /**
   * Its deliveries are known only roughly: about 5 of 10 places and 20 of 20, at least 30 of at
   * least 100 hours; the rate lies somewhere between 48% and 85%.
   */
  private static Story hedged() {
    Story hedged = new Story("hedged");
    hedged.registered("2015", "Praktijkroute", PartnershipKind.OTHER);
    hedged.joined("2015", "hr", PartnerRole.LEAD);
    hedged.joined("2015", "port", PartnerRole.CORE);
    hedged.commitment(
        "2015", "port-places", "port", CommitmentType.PLACEMENTS, 10, Unit.PLACES, "2015", "2016");
    hedged.commitment(
        "2015", "port-more", "port", CommitmentType.PLACEMENTS, 20, Unit.PLACES, "2015", "2016");
    hedged.commitment(
        "2015",
        "port-hours",
        "port",
        CommitmentType.STAFF_HOURS,
        Quantity.atLeast(100, Unit.HOURS),
        "2015",
        "2016");
    hedged.partlyFulfilled("2016", "port-places", Quantity.about(5, Unit.PLACES));
    hedged.fulfilled("2016", "port-more");
    hedged.partlyFulfilled("2016", "port-hours", Quantity.atLeast(30, Unit.HOURS));
    return hedged;
  }

  private static Story solo() {
    Story solo = new Story("solo");
    solo.registered("2015", "Schoolproject", PartnershipKind.OTHER);
    solo.joined("2015", "albeda", PartnerRole.LEAD);
    return solo;
  }
}
