package nl.partnershipregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.partnershipregistry.api.config.EmbeddedMongoServer;
import nl.partnershipregistry.api.config.RegistryProperties;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An append the embedded file backend acknowledged survives a {@code kill -9} of the process right
 * after: a child process appends under load and is killed; every event it saw acknowledged is read
 * back from the data folder.
 */
class KillNineIT {

  @TempDir Path dataDir;

  @Test
  void no_acknowledged_append_is_lost_when_the_process_is_killed() throws Exception {
    Set<String> acknowledged = new HashSet<>();
    for (int round = 0; round < 3; round++) {
      acknowledged.addAll(runAndKill(150 + 100 * round));
    }

    Set<String> stored = readBack();

    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(450);
    assertThat(stored).containsAll(acknowledged);
    assertThat(stored.size() - acknowledged.size())
        .as("at most one append per kill was stored but not yet acknowledged")
        .isBetween(0, 3);
  }

  /** Starts the child, waits for {@code acknowledgements} acks, kills it with SIGKILL. */
  private Set<String> runAndKill(int acknowledgements) throws Exception {
    Path errors = Files.createTempFile(dataDir.getParent(), "child", ".err");
    Process child =
        KilledRegistry.java(AppendingChild.class, dataDir.toString(), "run" + acknowledgements)
            .redirectError(errors.toFile())
            .start();
    Set<String> acked = new HashSet<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acked.add(line.substring(4));
          if (acked.size() == acknowledgements) {
            child.destroyForcibly();
            break;
          }
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue())
        .as("killed by SIGKILL; the child said: %s", Files.readString(errors))
        .isEqualTo(137);
    assertThat(acked).as("the child said: %s", Files.readString(errors)).hasSize(acknowledgements);
    return acked;
  }

  private Set<String> readBack() {
    EmbeddedMongoServer server =
        new EmbeddedMongoServer(
            new RegistryProperties.Embedded(RegistryProperties.Mode.FILE, dataDir, 0));
    try (server;
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoEventStorageEngine engine =
          MongoEventStorageEngine.builder().database(client.getDatabase("registry")).build();
      return engine
          .readEvents(null, false)
          .map(EventMessage::getIdentifier)
          .collect(Collectors.toSet());
    }
  }
}
