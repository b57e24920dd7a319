package nl.partnershipregistry.projections.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.FactRetracted;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.event.FundingRenewed;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.event.PartnerRoleChanged;
import nl.partnershipregistry.core.partnership.event.PartnershipDescribed;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.event.PartnershipRenamed;
import nl.partnershipregistry.core.partnership.event.PartnershipRevived;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import org.bson.Document;

/**
 * The few fields of a partnership event that the registry list, its counts and the survival curves
 * need, so that they can be answered from small documents without reading whole histories.
 *
 * <p>Only registrations, renames, descriptions, phase changes, discontinuations, revivals, partners
 * joining, changing role and leaving, funding awards and renewals are kept; a correction is kept as
 * the corrected fact with {@link #amends} set, a retraction as {@code FactRetracted} with {@link
 * #amends} set.
 *
 * @param type the simple name of the fact's record type, e.g. {@code PhaseChanged}
 * @param occurredOn the fact's date as text ({@code 2008}, {@code 2008-03}, {@code 2008-03-15})
 * @param value the name, phase, role, discontinuation reason or funding type, by fact type
 * @param organisationId the partner of a join, role change or departure
 * @param amount the amount of a funding award or renewal in euros; null when no source gives it
 * @param reference the funding of an award or renewal
 * @param renewal the new funding of a renewal
 * @param startUnknown true for a registration whose start no source dates (dated on the earliest
 *     evidence that the partnership existed)
 * @param phase the phase a registration names; null where it names none (the phase is unknown)
 */
public record SummaryFact(
    long position,
    String factId,
    String type,
    String occurredOn,
    Instant recordedAt,
    String amends,
    String value,
    String kind,
    String region,
    String sector,
    String goal,
    String organisationId,
    BigDecimal amount,
    String reference,
    String renewal,
    boolean startUnknown,
    String phase) {

  /** The summary of an event, if the summaries need it. */
  public static Optional<SummaryFact> of(long position, PartnershipEvent event) {
    Instant at = event.recorded().at();
    if (event instanceof FactRetracted retraction) {
      return Optional.of(
          new SummaryFact(
              position,
              event.factId().value(),
              "FactRetracted",
              null,
              at,
              retraction.retractedFactId().value(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              false,
              null));
    }
    if (event instanceof FactCorrected correction) {
      return of(position, correction.replacement(), at, correction.correctedFactId().value());
    }
    return of(position, (PartnershipFact) event, at, null);
  }

  private static Optional<SummaryFact> of(
      long position, PartnershipFact fact, Instant at, String amends) {
    String value = null;
    String kind = null;
    String region = null;
    String sector = null;
    String goal = null;
    String organisation = null;
    BigDecimal amount = null;
    String reference = null;
    String renewal = null;
    boolean startUnknown = false;
    String phase = null;
    if (fact instanceof PartnershipRegistered r) {
      value = r.name();
      phase = r.phase() == null ? null : r.phase().name();
      startUnknown = !r.startKnown();
      kind = r.kind().name();
      region = r.region();
      sector = r.sector();
      goal = r.goal();
    } else if (fact instanceof PartnershipRenamed r) {
      value = r.name();
    } else if (fact instanceof PartnershipDescribed d) {
      kind = d.kind().name();
      region = d.region();
      sector = d.sector();
      goal = d.goal();
    } else if (fact instanceof PhaseChanged p) {
      value = p.phase().name();
    } else if (fact instanceof PartnershipRevived r) {
      value = r.phase().name();
    } else if (fact instanceof PartnershipDiscontinued d) {
      value = d.reason().name();
    } else if (fact instanceof PartnerJoined j) {
      value = j.role().name();
      organisation = j.organisationId().value();
    } else if (fact instanceof PartnerRoleChanged c) {
      value = c.role().name();
      organisation = c.organisationId().value();
    } else if (fact instanceof PartnerLeft l) {
      organisation = l.organisationId().value();
    } else if (fact instanceof FundingAwarded f) {
      value = f.fundingType().name();
      amount = f.amount() == null ? null : f.amount().euros();
      reference = f.fundingId().value();
    } else if (fact instanceof FundingRenewed f) {
      amount = f.amount() == null ? null : f.amount().euros();
      reference = f.fundingId().value();
      renewal = f.renewalId().value();
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new SummaryFact(
            position,
            fact.factId().value(),
            fact.getClass().getSimpleName(),
            fact.occurredOn().toString(),
            at,
            amends,
            value,
            kind,
            region,
            sector,
            goal,
            organisation,
            amount,
            reference,
            renewal,
            startUnknown,
            phase));
  }

  Document toDocument() {
    Document document =
        new Document("position", position)
            .append("factId", factId)
            .append("type", type)
            .append("recordedAt", Date.from(recordedAt));
    putIfPresent(document, "occurredOn", occurredOn);
    putIfPresent(document, "amends", amends);
    putIfPresent(document, "value", value);
    putIfPresent(document, "kind", kind);
    putIfPresent(document, "region", region);
    putIfPresent(document, "sector", sector);
    putIfPresent(document, "goal", goal);
    putIfPresent(document, "organisationId", organisationId);
    putIfPresent(document, "amount", amount == null ? null : amount.toPlainString());
    putIfPresent(document, "reference", reference);
    putIfPresent(document, "renewal", renewal);
    if (startUnknown) {
      document.append("startUnknown", true);
    }
    putIfPresent(document, "phase", phase);
    return document;
  }

  static SummaryFact fromDocument(Document d) {
    String amount = d.getString("amount");
    return new SummaryFact(
        d.get("position", Number.class).longValue(),
        d.getString("factId"),
        d.getString("type"),
        d.getString("occurredOn"),
        d.getDate("recordedAt").toInstant(),
        d.getString("amends"),
        d.getString("value"),
        d.getString("kind"),
        d.getString("region"),
        d.getString("sector"),
        d.getString("goal"),
        d.getString("organisationId"),
        amount == null ? null : new BigDecimal(amount),
        d.getString("reference"),
        d.getString("renewal"),
        Boolean.TRUE.equals(d.getBoolean("startUnknown")),
        d.getString("phase"));
  }

  private static void putIfPresent(Document document, String key, Object value) {
    if (value != null) {
      document.append(key, value);
    }
  }
}
