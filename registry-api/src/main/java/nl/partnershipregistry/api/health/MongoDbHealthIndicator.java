package nl.partnershipregistry.api.health;

import com.mongodb.client.MongoDatabase;
import nl.partnershipregistry.api.config.RegistryProperties;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Whether the registry's database answers a {@code ping}, embedded or real. Spring Boot's own
 * MongoDB indicator needs Spring Data, which the registry does not use, so without this one health
 * would say {@code UP} with the database gone. It is part of the readiness group.
 */
@Component("mongodb")
public class MongoDbHealthIndicator extends AbstractHealthIndicator {

  private final MongoDatabase database;
  private final boolean external;

  public MongoDbHealthIndicator(MongoDatabase database, RegistryProperties properties) {
    super("MongoDB health check failed");
    this.database = database;
    this.external = properties.mongodb().isExternal();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    database.runCommand(new Document("ping", 1));
    builder
        .up()
        .withDetail("database", database.getName())
        .withDetail("server", external ? "MONGODB_URI" : "embedded");
  }
}
