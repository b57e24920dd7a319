package nl.partnershipregistry.core.partnership;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.command.AdmitPartner;
import nl.partnershipregistry.core.partnership.command.AwardFunding;
import nl.partnershipregistry.core.partnership.command.RecordCommitment;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;

/**
 * Test data for partnership fixtures: one partnership, a source, a registrar, a recording time, and
 * the most used commands and events. Each call hands out a fresh fact id unless one is given.
 */
final class Facts {

  static final PartnershipId STBK = PartnershipId.of("stbk");
  static final OrganisationId HITECS = OrganisationId.of("hitecs");
  static final OrganisationId HVA = OrganisationId.of("hva");
  static final SourceCitation SOURCE =
      SourceCitation.of("000_824d176abdbc5ecc.txt", "retrospective on STBK");
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final Recording RECORDED = Recording.of(NOW, "registrar");

  private static final AtomicInteger NEXT = new AtomicInteger();

  private Facts() {}

  static FactId newFactId() {
    return FactId.of("f-" + NEXT.incrementAndGet());
  }

  static FactDate year(int year) {
    return FactDate.year(year);
  }

  static RegisterPartnership register(FactDate started) {
    return new RegisterPartnership(
        STBK,
        FactId.of("registration"),
        started,
        "STBK",
        PartnershipKind.DUAL_TRAJECTORY,
        "Amsterdam",
        "metal and electrical engineering",
        "a dual hbo programme for employees",
        null,
        SOURCE,
        RECORDED);
  }

  static PartnershipRegistered registered(FactDate started) {
    return register(started).toFact();
  }

  static AdmitPartner admit(FactId factId, OrganisationId organisation, FactDate date) {
    return new AdmitPartner(STBK, factId, date, organisation, PartnerRole.CORE, SOURCE, RECORDED);
  }

  static PartnerJoined joined(OrganisationId organisation, FactDate date) {
    return admit(newFactId(), organisation, date).toFact();
  }

  static RecordCommitment commit(
      FactId factId, String commitment, OrganisationId organisation, FactDate date) {
    return new RecordCommitment(
        STBK,
        factId,
        date,
        CommitmentId.of(commitment),
        organisation,
        CommitmentType.STUDY_TIME,
        Quantity.of(100, Unit.HOURS),
        DateRange.from(date),
        null,
        SOURCE,
        RECORDED);
  }

  static CommitmentRecorded committed(
      String commitment, OrganisationId organisation, FactDate date) {
    return commit(newFactId(), commitment, organisation, date).toFact();
  }

  static AwardFunding award(FactId factId, String funding, FundingType type, FactDate date) {
    return new AwardFunding(
        STBK,
        factId,
        date,
        FundingId.of(funding),
        type,
        type == FundingType.SUBSIDY ? SubsidyInstrument.OCW_PILOT : null,
        "Ministerie van OCW",
        null,
        Money.euros(100_000),
        DateRange.between(date, FactDate.year(date.earliest().getYear() + 2)),
        null,
        SOURCE,
        RECORDED);
  }

  static FundingAwarded awarded(String funding, FundingType type, FactDate date) {
    return award(newFactId(), funding, type, date).toFact();
  }
}
