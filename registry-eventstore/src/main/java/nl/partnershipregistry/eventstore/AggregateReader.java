package nl.partnershipregistry.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

/**
 * Reads one aggregate's events by their keys, {@code $in} over {@code id:0 ... id:15} and then
 * larger chunks, until a key is missing: the unique index on the keys answers this on the embedded
 * server and on MongoDB alike. The last event read becomes the aggregate's last hash link, so the
 * next append to it needs no read for its link.
 */
final class AggregateReader {

  private static final int FIRST_CHUNK = 16;
  private static final int LARGEST_CHUNK = 1024;

  private final CommitLog commits;
  private final HashLinker links;

  AggregateReader(CommitLog commits, HashLinker links) {
    this.commits = commits;
    this.links = links;
  }

  /** Up to {@code batchSize} events of the aggregate from {@code firstSequenceNumber} on. */
  List<? extends DomainEventData<?>> fetch(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    List<DomainEventData<?>> result = new ArrayList<>();
    long next = firstSequenceNumber;
    int chunk = FIRST_CHUNK;
    while (result.size() < batchSize) {
      int size = Math.min(chunk, batchSize - result.size());
      List<String> keys = new ArrayList<>(size);
      for (long sequence = next; sequence < next + size; sequence++) {
        keys.add(CommitCodec.key(aggregateIdentifier, sequence));
      }
      Map<Long, Document> bySequence = new HashMap<>();
      for (Document commit : commits.holdingKeys(keys)) {
        for (Document event : CommitCodec.events(commit)) {
          if (aggregateIdentifier.equals(CommitCodec.aggregateIdentifier(event))) {
            bySequence.put(CommitCodec.sequenceNumber(event), event);
          }
        }
      }
      for (long sequence = next; sequence < next + size; sequence++) {
        Document event = bySequence.get(sequence);
        if (event == null) {
          return result;
        }
        result.add(CommitCodec.entry(event));
        links.remember(event);
      }
      next += size;
      chunk = Math.min(chunk * 4, LARGEST_CHUNK);
    }
    return result;
  }
}
