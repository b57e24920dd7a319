package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.PartnershipDescribed;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Describes the partnership's kind, region, sector and goal anew. */
@Published(collection = "description", summary = "Changes the region, sector or goal.")
public record DescribePartnership(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    PartnershipKind kind,
    String region,
    String sector,
    String goal,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public DescribePartnership {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(kind, "kind");
    region = Require.optionalName(region, "region");
    sector = Require.optionalName(sector, "sector");
    goal = Require.optionalText(goal, "goal");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public PartnershipDescribed toFact() {
    return new PartnershipDescribed(
        partnershipId, factId, occurredOn, kind, region, sector, goal, source, recorded);
  }
}
