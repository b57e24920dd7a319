package nl.partnershipregistry.eventstore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/**
 * Events exactly as stored ({@link StoredEvent}: commit, place in the commit, the hashed fields and
 * the links), by aggregate or by range of commits: for the exports and {@link HashChainVerifier}.
 */
final class StoredEventExport {

  /** Event keys asked for at a time when exporting an aggregate. */
  private static final int KEYS_PER_READ = 100;

  private final CommitLog commits;

  StoredEventExport(CommitLog commits) {
    this.commits = commits;
  }

  /** The events of one aggregate exactly as stored, in sequence order. */
  List<StoredEvent> aggregate(String aggregateIdentifier) {
    List<StoredEvent> events = new ArrayList<>();
    long next = 0;
    while (true) {
      List<String> keys = new ArrayList<>();
      for (long sequence = next; sequence < next + KEYS_PER_READ; sequence++) {
        keys.add(CommitCodec.key(aggregateIdentifier, sequence));
      }
      List<StoredEvent> found = new ArrayList<>();
      for (Document commit : commits.holdingKeys(keys)) {
        List<Document> stored = CommitCodec.events(commit);
        for (int i = 0; i < stored.size(); i++) {
          if (aggregateIdentifier.equals(CommitCodec.aggregateIdentifier(stored.get(i)))) {
            found.add(CommitCodec.stored(CommitCodec.number(commit), i, stored.get(i)));
          }
        }
      }
      if (found.isEmpty()) {
        return events;
      }
      found.sort(Comparator.comparingLong(StoredEvent::sequenceNumber));
      events.addAll(found);
      next += KEYS_PER_READ;
    }
  }

  /**
   * The events of up to {@code count} commits from commit {@code first} on, exactly as stored, in
   * commit order; fewer when the store ends.
   */
  List<StoredEvent> commits(long first, int count) {
    List<StoredEvent> events = new ArrayList<>();
    for (Document commit : commits.from(first, count)) {
      List<Document> stored = CommitCodec.events(commit);
      for (int i = 0; i < stored.size(); i++) {
        events.add(CommitCodec.stored(CommitCodec.number(commit), i, stored.get(i)));
      }
    }
    return events;
  }
}
