package nl.partnershipregistry.projections.query;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.audit.AuditAnswers;
import nl.partnershipregistry.projections.query.audit.AuditTrail;
import nl.partnershipregistry.projections.query.audit.ChangeAnswers;
import nl.partnershipregistry.projections.query.audit.FindAuditTrail;
import nl.partnershipregistry.projections.query.audit.FindKnowledgeChanges;
import nl.partnershipregistry.projections.query.audit.KnowledgeChanges;
import nl.partnershipregistry.projections.query.cohort.CohortAnswers;
import nl.partnershipregistry.projections.query.cohort.CohortOutcomes;
import nl.partnershipregistry.projections.query.cohort.FindCohortOutcomes;
import nl.partnershipregistry.projections.query.common.PartnershipReader;
import nl.partnershipregistry.projections.query.dossier.DossierAnswers;
import nl.partnershipregistry.projections.query.dossier.FindRenewalDossier;
import nl.partnershipregistry.projections.query.dossier.RenewalDossier;
import nl.partnershipregistry.projections.query.durability.DurabilityAnswers;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.funding.FindFundingMix;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.FindCommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.LedgerAnswers;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.state.StateAnswers;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.query.timeline.TimelineAnswers;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;

/**
 * Answers the questions about one partnership from its stored events: one read by {@code _id}, the
 * history as known at {@code asKnownOn}, walked up to {@code asOf}. An unknown partnership (or one
 * the registry did not know yet at {@code asKnownOn}) gives an empty answer.
 */
public class PartnershipQueries {

  private final PartnershipReader reader;
  private final Clock clock;
  private final long eventsPerCommit;

  /**
   * @param eventsPerCommit how the event store numbers its events: an event's global position (the
   *     read models' and tracking tokens' count) is its commit times this, plus its index in the
   *     commit; the audit trail shows commit numbers, the numbers writes answer with
   */
  public PartnershipQueries(
      MongoDatabase database, Serializer serializer, Clock clock, long eventsPerCommit) {
    this(new ReadModels(database, serializer), clock, eventsPerCommit);
  }

  /**
   * The query handlers reading {@code readModels}; given the instance the projection writes with,
   * the organisations it keeps follow this process's writes instead of being read again after each
   * ({@link ReadModels#allOrganisationStreamsById}).
   */
  public PartnershipQueries(ReadModels readModels, Clock clock, long eventsPerCommit) {
    this.reader = new PartnershipReader(readModels);
    this.clock = clock;
    if (eventsPerCommit <= 0) {
      throw new IllegalArgumentException("eventsPerCommit must be positive: " + eventsPerCommit);
    }
    this.eventsPerCommit = eventsPerCommit;
  }

  @QueryHandler
  public Optional<PartnershipState> handle(FindPartnershipState query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return withPartners(
        query.partnershipId(),
        slice,
        (known, partnership, organisations) ->
            StateAnswers.state(
                query.partnershipId(), slice, known.history(), partnership, organisations));
  }

  @QueryHandler
  public Optional<Timeline> handle(FindTimeline query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return reader
        .known(query.partnershipId(), slice.asKnownOn())
        .map(known -> TimelineAnswers.timeline(query.partnershipId(), query.asOf(), slice, known));
  }

  @QueryHandler
  public Optional<FundingMix> handle(FindFundingMix query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return reader
        .known(query.partnershipId(), slice.asKnownOn())
        .map(known -> FundingAnswers.mix(query.partnershipId(), slice, known.asOf(slice.asOf())));
  }

  @QueryHandler
  public Optional<CommitmentLedger> handle(FindCommitmentLedger query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return withPartners(
        query.partnershipId(),
        slice,
        (known, partnership, organisations) ->
            LedgerAnswers.ledger(query.partnershipId(), slice, partnership, organisations));
  }

  @QueryHandler
  public Optional<CohortOutcomes> handle(FindCohortOutcomes query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return reader
        .known(query.partnershipId(), slice.asKnownOn())
        .map(
            known ->
                CohortAnswers.outcomes(query.partnershipId(), slice, known.asOf(slice.asOf())));
  }

  @QueryHandler
  public Optional<DurabilityIndicators> handle(FindDurabilityIndicators query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return withPartners(
        query.partnershipId(),
        slice,
        (known, partnership, organisations) ->
            DurabilityAnswers.indicators(
                query.partnershipId(), slice, known.history(), partnership, organisations));
  }

  @QueryHandler
  public Optional<RenewalDossier> handle(FindRenewalDossier query) {
    Instant decidedOn = query.asKnownOn() == null ? clock.instant() : query.asKnownOn();
    LocalDate asOf =
        query.asOf() == null
            ? LocalDate.ofInstant(decidedOn, TimeSlice.REGISTRY_ZONE)
            : query.asOf();
    TimeSlice slice = new TimeSlice(asOf, decidedOn);
    return withPartners(
        query.partnershipId(),
        slice,
        (known, partnership, organisations) ->
            DossierAnswers.dossier(
                query.partnershipId(),
                slice,
                known.history(),
                partnership,
                organisations,
                TimelineAnswers.timeline(query.partnershipId(), slice.asOf(), slice, known)));
  }

  /**
   * The timelines and the durability indicators as known at the two moments, from one read of the
   * partnership's events, compared by {@link ChangeAnswers}.
   */
  @QueryHandler
  public Optional<KnowledgeChanges> handle(FindKnowledgeChanges query) {
    Instant now = clock.instant();
    Instant to = query.to() == null ? now : query.to();
    Instant from = query.from() == null ? FindKnowledgeChanges.defaultFrom(to) : query.from();
    if (from.isAfter(to)) {
      throw new InvalidValue("from", "must not be after to, which is now when not given");
    }
    LocalDate asOf =
        query.asOf() == null ? LocalDate.ofInstant(now, TimeSlice.REGISTRY_ZONE) : query.asOf();
    PartnershipId id = query.partnershipId();
    return reader
        .readModels()
        .partnerships()
        .load(id.value())
        .flatMap(
            stored ->
                PartnershipReader.known(stored, to)
                    .map(
                        knownAtTo -> {
                          TimeSlice atTo = new TimeSlice(asOf, to);
                          TimeSlice atFrom = new TimeSlice(asOf, from);
                          Optional<PartnershipReader.Known> knownAtFrom =
                              PartnershipReader.known(stored, from);
                          return ChangeAnswers.changes(
                              id,
                              knownAtTo.asOf(asOf).name(),
                              asOf,
                              from,
                              to,
                              knownAtFrom
                                  .map(k -> TimelineAnswers.timeline(id, null, atFrom, k))
                                  .orElse(null),
                              TimelineAnswers.timeline(id, null, atTo, knownAtTo),
                              knownAtFrom.map(k -> durability(id, atFrom, k)).orElse(null),
                              durability(id, atTo, knownAtTo));
                        }));
  }

  private DurabilityIndicators durability(
      PartnershipId id, TimeSlice slice, PartnershipReader.Known known) {
    PartnershipAsOf partnership = known.asOf(slice.asOf());
    return DurabilityAnswers.indicators(
        id,
        slice,
        known.history(),
        partnership,
        reader.organisations(partnerIds(partnership), slice));
  }

  @QueryHandler
  public Optional<AuditTrail> handle(FindAuditTrail query) {
    Instant asKnownOn = query.asKnownOn() == null ? clock.instant() : query.asKnownOn();
    return reader
        .readModels()
        .partnerships()
        .load(query.partnershipId().value())
        .filter(stored -> stored.stream().anyMatch(s -> !s.recordedAt().isAfter(asKnownOn)))
        .map(
            stored ->
                AuditAnswers.trail(query.partnershipId(), asKnownOn, stored, eventsPerCommit));
  }

  public static List<OrganisationId> partnerIds(PartnershipAsOf partnership) {
    return partnership.participations().stream()
        .map(PartnershipAsOf.Participation::organisationId)
        .distinct()
        .toList();
  }

  /**
   * An answer from the partnership as of the slice's day, as known at its instant, with the
   * organisations of the partners active then; empty for a partnership not known then.
   */
  private <R> Optional<R> withPartners(PartnershipId id, TimeSlice slice, FromPartners<R> answer) {
    return reader
        .known(id, slice.asKnownOn())
        .map(
            known -> {
              PartnershipAsOf partnership = known.asOf(slice.asOf());
              return answer.answer(
                  known, partnership, reader.organisations(partnerIds(partnership), slice));
            });
  }

  @FunctionalInterface
  private interface FromPartners<R> {
    R answer(
        PartnershipReader.Known known,
        PartnershipAsOf partnership,
        OrganisationDirectory organisations);
  }
}
