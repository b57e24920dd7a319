package nl.partnershipregistry.api;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * A child process for {@link KillNineIT}: appends events to the file-backed embedded server as fast
 * as it can and prints {@code ACK <event id>} for each append that returned.
 */
public final class AppendingChild {

  private AppendingChild() {}

  public static void main(String[] args) {
    try {
      appendForever(Path.of(args[0]), args[1]);
    } catch (Throwable failure) {
      failure.printStackTrace();
      System.exit(1);
    }
  }

  private static void appendForever(Path dataDir, String run) {
    EmbeddedMongoServer server =
        new EmbeddedMongoServer(
            new RegistryProperties.Embedded(RegistryProperties.Mode.FILE, dataDir, 0));
    MongoClient client = MongoClients.create(server.connectionString());
    MongoEventStorageEngine engine =
        MongoEventStorageEngine.builder().database(client.getDatabase("registry")).build();
    System.out.println("READY");
    System.out.flush();
    for (long i = 0; ; i++) {
      GenericDomainEventMessage<String> event =
          new GenericDomainEventMessage<>(
              "Test", run + "-aggregate-" + (i % 10), i / 10, "event " + i);
      engine.appendEvents(event);
      System.out.println("ACK " + event.getIdentifier());
      System.out.flush();
    }
  }
}
