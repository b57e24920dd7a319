package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a new partnership, dated on the day it started; or, with {@code startKnown} false (when
 * no source dates the start), dated on the earliest source that shows it existing. {@code
 * startKnown} may be left out and is then true. {@code phase} is the phase the source names for
 * that date; left out where it names none, the phase is unknown until a later fact says it.
 */
@Published(collection = "", summary = "Registers a partnership.")
public record RegisterPartnership(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    Boolean startKnown,
    String name,
    PartnershipKind kind,
    String region,
    String sector,
    String goal,
    PartnershipId predecessor,
    Phase phase,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RegisterPartnership {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    startKnown = startKnown == null || startKnown;
    name = Require.name(name, "name");
    Require.present(kind, "kind");
    region = Require.optionalName(region, "region");
    sector = Require.optionalName(sector, "sector");
    goal = Require.optionalText(goal, "goal");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  /** Registers a partnership dated on the day it started. */
  public RegisterPartnership(
      PartnershipId partnershipId,
      FactId factId,
      FactDate occurredOn,
      String name,
      PartnershipKind kind,
      String region,
      String sector,
      String goal,
      PartnershipId predecessor,
      SourceCitation source,
      Recording recorded) {
    this(
        partnershipId,
        factId,
        occurredOn,
        true,
        name,
        kind,
        region,
        sector,
        goal,
        predecessor,
        null,
        source,
        recorded);
  }

  @Override
  public PartnershipRegistered toFact() {
    return new PartnershipRegistered(
        partnershipId,
        factId,
        occurredOn,
        startKnown,
        name,
        kind,
        region,
        sector,
        goal,
        predecessor,
        phase,
        source,
        recorded);
  }
}
