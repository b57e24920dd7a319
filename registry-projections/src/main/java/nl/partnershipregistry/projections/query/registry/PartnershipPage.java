package nl.partnershipregistry.projections.query.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * One page of the registry list, in the order the question asked (unless it said otherwise, by
 * relevance when it has a text, else by name). {@code total} counts every match; the counts by kind
 * and by phase count the partnerships matching the text, region, sector and partner criteria,
 * whatever their kind and phase, so that a client can show how many each choice would give. The
 * counts by region and by sector do the same for the regions and sectors the partnerships name:
 * each counts the partnerships matching every other criterion, whatever their region (or sector),
 * by the region's (sector's) name ignoring case, in alphabetical order; a partnership that names
 * none is not counted there. {@code existenceUnknown} says how many of the matches existed on
 * {@code asOf} only perhaps: their {@code existence} is {@code UNKNOWN}, and they have no phase to
 * count.
 */
public record PartnershipPage(
    LocalDate asOf,
    Instant asKnownOn,
    List<Listing> items,
    int page,
    int size,
    long total,
    Map<PartnershipKind, Long> countsByKind,
    Map<Phase, Long> countsByPhase,
    Map<String, Long> countsByRegion,
    Map<String, Long> countsBySector,
    long existenceUnknown) {

  /**
   * A partnership in the list, as it stood on the valid date; {@code existence} says whether it
   * existed then ({@code STARTED}, {@code EXISTING} or {@code UNKNOWN}); {@code startedOn} is null
   * and {@code existingBy} the earliest evidence when no source dates its start. When the question
   * had a text, {@code score} says how well the partnership matches it (higher is better; the order
   * of {@code sort=relevance}) and {@code matchedIn} where the text was found, best place first;
   * without a text the score is null and nothing is listed.
   */
  public record Listing(
      PartnershipId partnershipId,
      String name,
      PartnershipKind kind,
      Existence existence,
      String region,
      String sector,
      FactDate startedOn,
      FactDate existingBy,
      Phase phase,
      FactDate phaseSince,
      List<OrganisationId> activePartners,
      Integer score,
      List<Match> matchedIn) {}

  /**
   * Where a word of the text was found: in which part of the partnership, and the text there (the
   * name, the former name, the partner's name, the region, the sector or the id; null for the
   * goal).
   */
  public record Match(Field field, String text) {}

  /**
   * The parts of a partnership the text is looked for in, from the one a match counts most in to
   * the one it counts least in; a match in a former name of a partner is in {@code PARTNER}.
   */
  public enum Field {
    NAME,
    FORMER_NAME,
    PARTNER,
    REGION,
    SECTOR,
    GOAL,
    ID
  }
}
