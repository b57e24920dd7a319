package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;

/** A fact about the world, dated when it happened ({@link #occurredOn()}, valid time). */
public interface PartnershipFact extends PartnershipEvent {

  FactDate occurredOn();
}
