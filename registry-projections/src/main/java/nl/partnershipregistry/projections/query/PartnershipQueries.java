package nl.partnershipregistry.projections.query;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.PartnershipAsOf;
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

  public PartnershipQueries(MongoDatabase database, Serializer serializer, Clock clock) {
    this.reader = new PartnershipReader(new ReadModels(database, serializer));
    this.clock = clock;
  }

  @QueryHandler
  public Optional<PartnershipState> handle(FindPartnershipState query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return withPartners(
        query.partnershipId(),
        slice,
        (known, partnership, organisations) ->
            StateAnswers.state(query.partnershipId(), slice, partnership, organisations));
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
                query.partnershipId(), slice, known.history(), partnership, organisations));
  }

  @QueryHandler
  public Optional<AuditTrail> handle(FindAuditTrail query) {
    Instant asKnownOn = query.asKnownOn() == null ? clock.instant() : query.asKnownOn();
    return reader
        .readModels()
        .partnerships()
        .load(query.partnershipId().value())
        .filter(stored -> stored.stream().anyMatch(s -> !s.recordedAt().isAfter(asKnownOn)))
        .map(stored -> AuditAnswers.trail(query.partnershipId(), asKnownOn, stored));
  }

  private static List<OrganisationId> partnerIds(PartnershipAsOf partnership) {
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
