package nl.partnershipregistry.projections.query;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.partnershipregistry.core.organisation.OrganisationId;
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
    return reader
        .known(query.partnershipId(), slice.asKnownOn())
        .map(
            known -> {
              PartnershipAsOf partnership = known.asOf(slice.asOf());
              return StateAnswers.state(
                  query.partnershipId(),
                  slice,
                  partnership,
                  reader.organisations(
                      partnership.activePartners().stream()
                          .map(PartnershipAsOf.Participation::organisationId)
                          .toList(),
                      slice));
            });
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
    return reader
        .known(query.partnershipId(), slice.asKnownOn())
        .map(
            known -> {
              PartnershipAsOf partnership = known.asOf(slice.asOf());
              return LedgerAnswers.ledger(
                  query.partnershipId(),
                  slice,
                  partnership,
                  reader.organisations(partnerIds(partnership), slice));
            });
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
    return reader
        .known(query.partnershipId(), slice.asKnownOn())
        .map(
            known -> {
              PartnershipAsOf partnership = known.asOf(slice.asOf());
              return DurabilityAnswers.indicators(
                  query.partnershipId(),
                  slice,
                  known.history(),
                  partnership,
                  reader.organisations(partnerIds(partnership), slice));
            });
  }

  @QueryHandler
  public Optional<RenewalDossier> handle(FindRenewalDossier query) {
    Instant decidedOn = query.asKnownOn() == null ? clock.instant() : query.asKnownOn();
    LocalDate asOf =
        query.asOf() == null
            ? LocalDate.ofInstant(decidedOn, TimeSlice.REGISTRY_ZONE)
            : query.asOf();
    TimeSlice slice = new TimeSlice(asOf, decidedOn);
    return reader
        .known(query.partnershipId(), slice.asKnownOn())
        .map(
            known -> {
              PartnershipAsOf partnership = known.asOf(slice.asOf());
              return DossierAnswers.dossier(
                  query.partnershipId(),
                  slice,
                  known.history(),
                  partnership,
                  reader.organisations(partnerIds(partnership), slice));
            });
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
}
