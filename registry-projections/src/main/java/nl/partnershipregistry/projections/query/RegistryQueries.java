package nl.partnershipregistry.projections.query;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    return RegistryAnswers.page(query, slice, summaries(slice));
  }

  /** Every partnership's summary on the valid date as known then: a scan of small documents. */
  private List<SummaryAsOf> summaries(TimeSlice slice) {
    List<SummaryAsOf> summaries = new ArrayList<>();
    reader
        .readModels()
        .summaries()
        .forEach(
            (id, facts) ->
                summaries.add(SummaryAsOf.of(id, facts, slice.asKnownOn(), slice.asOf())));
    return summaries;
  }

  @QueryHandler
  public ProjectionPosition handle(FindProjectionPosition query) {
    return new ProjectionPosition(
        ReadModels.PROCESSING_GROUP, reader.readModels().positions().lastApplied().orElse(-1));
  }
}
