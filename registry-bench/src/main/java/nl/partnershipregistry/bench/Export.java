package nl.partnershipregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;

/**
 * What the export {@code GET /api/events} holds: every partnership's fact ids, the head commit and
 * the global position of the last event stored (commit × {@value
 * MongoEventStorageEngine#EVENTS_PER_COMMIT} + the event's place in it, as the read models count).
 */
record Export(long head, long lastPosition, int events, Map<String, Set<String>> facts) {

  static Export read(RegistryHttp http) throws IOException, InterruptedException {
    HttpResponse<String> response = http.get("/api/events", "auditor");
    if (response.statusCode() != 200) {
      throw new IOException("the export answered " + response.statusCode());
    }
    long head = -1;
    long lastPosition = -1;
    int events = 0;
    Map<String, Set<String>> facts = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode event = RegistryHttp.JSON.readTree(line);
      long commit = event.path("commit").asLong();
      long position =
          commit * MongoEventStorageEngine.EVENTS_PER_COMMIT + event.path("index").asLong();
      head = Math.max(head, commit);
      lastPosition = Math.max(lastPosition, position);
      events++;
      if ("Partnership".equals(event.path("type").asText())) {
        String factId =
            RegistryHttp.JSON.readTree(event.path("payload").asText()).path("factId").asText();
        facts
            .computeIfAbsent(event.path("aggregateIdentifier").asText(), id -> new HashSet<>())
            .add(factId);
      }
    }
    return new Export(head, lastPosition, events, facts);
  }

  boolean holds(String partnershipId, String factId) {
    return facts.getOrDefault(partnershipId, Set.of()).contains(factId);
  }
}
