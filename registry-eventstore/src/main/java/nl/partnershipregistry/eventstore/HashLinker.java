package nl.partnershipregistry.eventstore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.eventstore.HashChain.StoredFields;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Links each event to be stored to the one before it in its aggregate ({@link HashChain}). The hash
 * of an aggregate's last event comes from the links this engine stored or read last, kept for the
 * {@value #MAX_CACHED_LINKS} aggregates used last, or else is read by its key: so an append to an
 * aggregate just loaded or just written needs no read for it.
 */
final class HashLinker {

  private static final int MAX_CACHED_LINKS = 100_000;

  private final CommitLog commits;

  private final Map<String, Link> lastLinks =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
              return size() > MAX_CACHED_LINKS;
            }
          });

  HashLinker(CommitLog commits) {
    this.commits = commits;
  }

  /** The events' documents, serialized and each linked to the event before it. */
  List<Document> documents(List<DomainEventMessage<?>> events, Serializer serializer) {
    Map<String, Link> previous = new HashMap<>();
    List<Document> documents = new ArrayList<>(events.size());
    for (DomainEventMessage<?> event : events) {
      StoredFields fields = CommitCodec.fields(event, serializer);
      String previousHash =
          previous.containsKey(event.getAggregateIdentifier())
              ? previous.get(event.getAggregateIdentifier()).hash()
              : previousHash(event.getAggregateIdentifier(), event.getSequenceNumber());
      String hash = HashChain.hash(fields, previousHash);
      previous.put(event.getAggregateIdentifier(), new Link(event.getSequenceNumber(), hash));
      documents.add(CommitCodec.event(fields, previousHash, hash));
    }
    return documents;
  }

  /** Remembers stored events as their aggregates' last links. */
  void remember(List<Document> events) {
    for (Document event : events) {
      remember(event);
    }
  }

  /** Remembers a stored event, read or written, as its aggregate's last link. */
  void remember(Document event) {
    lastLinks.put(
        CommitCodec.aggregateIdentifier(event),
        new Link(CommitCodec.sequenceNumber(event), CommitCodec.hash(event)));
  }

  /**
   * The hash of the stored event before {@code sequenceNumber}: from the links this engine saw
   * last, or read by its key. An aggregate's first stored event links to {@link HashChain#GENESIS}.
   */
  private String previousHash(String aggregateIdentifier, long sequenceNumber) {
    if (sequenceNumber == 0) {
      return HashChain.GENESIS;
    }
    Link last = lastLinks.get(aggregateIdentifier);
    if (last != null && last.sequenceNumber() == sequenceNumber - 1) {
      return last.hash();
    }
    String key = CommitCodec.key(aggregateIdentifier, sequenceNumber - 1);
    return commits
        .holdingKey(key)
        .flatMap(
            commit ->
                CommitCodec.events(commit).stream()
                    .filter(e -> CommitCodec.key(e).equals(key))
                    .map(CommitCodec::hash)
                    .findFirst())
        .orElse(HashChain.GENESIS);
  }

  /** The last event of an aggregate this engine stored or read, for linking the next one. */
  private record Link(long sequenceNumber, String hash) {}
}
