package nl.partnershipregistry.projections.query;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;

/**
 * Answers the questions across partnerships: the registry list, track records of organisations,
 * survival curves, and how far the read models have come.
 */
public class RegistryQueries {

  private final PartnershipReader reader;
  private final Clock clock;

  public RegistryQueries(MongoDatabase database, Serializer serializer, Clock clock) {
    this.reader = new PartnershipReader(new ReadModels(database, serializer));
    this.clock = clock;
  }

  @QueryHandler
  public PartnershipPage handle(FindPartnerships query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    OrganisationDirectory organisations =
        query.text() == null || query.text().isBlank()
            ? OrganisationDirectory.empty()
            : reader.allOrganisations(slice);
    return RegistryAnswers.page(query, slice, summaries(slice), organisations);
  }

  /**
   * Every partnership's summary on the valid date as known then, from the summary facts the read
   * models keep read until they change ({@link ReadModels#allSummaries()}).
   */
  private List<SummaryAsOf> summaries(TimeSlice slice) {
    List<SummaryAsOf> summaries = new ArrayList<>();
    reader
        .readModels()
        .allSummaries()
        .forEach(
            (id, facts) ->
                summaries.add(SummaryAsOf.of(id, facts, slice.asKnownOn(), slice.asOf())));
    return summaries;
  }

  @QueryHandler
  public Optional<TrackRecord> handle(FindTrackRecord query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    OrganisationDirectory organisations = reader.allOrganisations(slice);
    Set<OrganisationId> counted = organisations.sameGroupAs(query.organisationId());
    List<String> involved = new ArrayList<>();
    for (SummaryAsOf summary : summaries(slice)) {
      if (summary.hasStarted() && summary.everPartners().stream().anyMatch(counted::contains)) {
        involved.add(summary.partnershipId().value());
      }
    }
    if (involved.isEmpty() && organisations.find(query.organisationId()).isEmpty()) {
      return Optional.empty();
    }
    List<TrackRecord.PartnershipRecord> records = new ArrayList<>();
    reader
        .readModels()
        .partnerships()
        .load(involved)
        .forEach(
            (id, stored) ->
                PartnershipReader.known(stored, slice.asKnownOn())
                    .ifPresent(
                        known ->
                            records.add(
                                LedgerAnswers.partnershipRecord(
                                    PartnershipId.of(id), known.asOf(slice.asOf()), counted))));
    return Optional.of(
        LedgerAnswers.trackRecord(query.organisationId(), slice, organisations, counted, records));
  }

  @QueryHandler
  public SurvivalCurves handle(FindSurvivalCurves query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return SurvivalAnswers.curves(slice, summaries(slice), reader.allOrganisations(slice));
  }

  @QueryHandler
  public ProjectionPosition handle(FindProjectionPosition query) {
    ReadModels readModels = reader.readModels();
    long lastApplied =
        query.partnershipId() == null
            ? readModels.lastApplied().orElse(-1)
            : readModels.partnerships().lastApplied(query.partnershipId().value()).orElse(-1L);
    return new ProjectionPosition(ReadModels.PROCESSING_GROUP, query.partnershipId(), lastApplied);
  }
}
