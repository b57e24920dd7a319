package nl.partnershipregistry.core.partnership.command;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.event.KeyPersonAssigned;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a person of an active partner took a key role; {@code withMandate} is true or false
 * as the source says, and left out where it says nothing of a mandate (unknown); {@code
 * organisationId} is left out where no source names the person's organisation (then no partner
 * needs to be active for it).
 */
@Published(collection = "key-persons", summary = "Records a key person with role and mandate.")
public record AssignKeyPerson(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    KeyPersonId keyPersonId,
    String name,
    KeyPersonRole keyPersonRole,
    OrganisationId organisationId,
    Boolean withMandate,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public AssignKeyPerson {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    Require.present(keyPersonId, "keyPersonId");
    name = Require.name(name, "name");
    Require.present(keyPersonRole, "keyPersonRole");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public KeyPersonAssigned toFact() {
    return new KeyPersonAssigned(
        partnershipId,
        factId,
        occurredOn,
        keyPersonId,
        name,
        keyPersonRole,
        organisationId,
        withMandate,
        source,
        recorded);
  }
}
