package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Every event in a partnership's history: a fact about the world ({@link PartnershipFact}) or an
 * amendment of an earlier fact ({@link FactAmendment}). Each carries its own fact id, the source it
 * rests on, and who recorded it when.
 */
public sealed interface PartnershipEvent permits PartnershipFact, FactAmendment {

  PartnershipId partnershipId();

  FactId factId();

  SourceCitation source();

  Recording recorded();
}
