package nl.partnershipregistry.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/** The embedded MongoDB-compatible server in memory, reached over TCP by the real driver. */
final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server;
  private final MongoClient client;

  EmbeddedMongo() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
  }

  /** A fresh database, so that tests sharing a server do not see each other's events. */
  MongoDatabase newDatabase() {
    return client.getDatabase("test-" + UUID.randomUUID().toString().substring(0, 8));
  }

  int port() {
    return server.getLocalAddress().getPort();
  }

  MongoClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
