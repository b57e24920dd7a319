package nl.partnershipregistry.projections.query;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
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
  public ProjectionPosition handle(FindProjectionPosition query) {
    return new ProjectionPosition(
        ReadModels.PROCESSING_GROUP, reader.readModels().positions().lastApplied().orElse(-1));
  }
}
