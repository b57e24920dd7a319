package nl.partnershipregistry.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine.DuplicateEventException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Stores each append as one commit at the head plus one, with group commit.
 *
 * <p>Writers in this process take turns: otherwise they would all aim at the same next number and
 * all but one would pay a failed insert and a look for the head. Whoever holds the turn stores
 * every append waiting at that moment, its own and those queued behind it, with one ordered insert;
 * each writer hears its own outcome. Writers in other processes are met by the duplicate-number
 * retry of {@link #insertCommit}: a taken number sends the writer to the real head, a taken event
 * key or identifier is a conflict (or, when the append is stored already under the same
 * identifiers, a retry that did succeed).
 */
final class GroupCommitAppender {

  private final CommitLog commits;
  private final HashLinker links;
  private final BiConsumer<Exception, EventMessage<?>> conflict;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final Queue<Append> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicLong commitNumberCollisions = new AtomicLong();

  /**
   * @param conflict throws the exception that a duplicate key means for the event (the engine's
   *     persistence exception handling: Axon's {@code ConcurrencyException} and its kin)
   */
  GroupCommitAppender(
      CommitLog commits, HashLinker links, BiConsumer<Exception, EventMessage<?>> conflict) {
    this.commits = commits;
    this.links = links;
    this.conflict = conflict;
  }

  /**
   * Stores {@code events} as one commit: its number, or {@code -1} when nothing was stored (no
   * events, or all of them stored already by an earlier attempt).
   */
  long append(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (events.isEmpty()) {
      return -1;
    }
    if (events.size() > MongoEventStorageEngine.EVENTS_PER_COMMIT) {
      throw new EventStoreException(
          "one append may hold at most "
              + MongoEventStorageEngine.EVENTS_PER_COMMIT
              + " events, not "
              + events.size());
    }
    List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
    for (EventMessage<?> event : events) {
      messages.add(EventUtils.asDomainEventMessage(event));
    }
    DomainEventMessage<?> duplicate = firstDuplicateWithin(messages);
    if (duplicate != null) {
      conflict.accept(
          new DuplicateEventException("the append holds the same event key or identifier twice"),
          duplicate);
    }
    Append append = new Append(messages, links.documents(messages, serializer));
    waiting.add(append);
    appendLock.lock();
    try {
      if (!append.settled) {
        insertWaiting();
      }
    } finally {
      appendLock.unlock();
    }
    if (!append.settled) {
      // Taken from the queue by a writer that failed before it could settle it.
      throw new EventStoreException("the append was not stored: the writer that took it failed");
    }
    if (append.failure != null) {
      throw append.failure;
    }
    return append.commit;
  }

  /** How often a commit number chosen was taken by another instance. */
  long commitNumberCollisions() {
    return commitNumberCollisions.get();
  }

  /** Appends queued for their turn. */
  int waiting() {
    return waiting.size();
  }

  /** Stores the waiting appends, one commit each, in one insert when they can all be stored. */
  private void insertWaiting() {
    List<Append> group = new ArrayList<>();
    for (Append next = waiting.poll(); next != null; next = waiting.poll()) {
      group.add(next);
    }
    int stored = 0;
    if (group.size() > 1) {
      long first = commits.knownHead() + 1;
      List<Document> documents = new ArrayList<>(group.size());
      for (int i = 0; i < group.size(); i++) {
        documents.add(CommitCodec.commit(first + i, group.get(i).eventDocuments()));
      }
      try {
        commits.insertInOrder(documents);
        stored = group.size();
      } catch (MongoBulkWriteException e) {
        if (e.getWriteErrors().isEmpty()) {
          // Written, but not confirmed as asked (a write concern error): as for a single insert,
          // every writer of the group hears of it.
          for (Append append : group) {
            append.failure = new EventStoreException("could not confirm the stored commits", e);
            append.settled = true;
          }
          return;
        }
        // Ordered: the commits before the first failure are stored, none after it.
        stored = e.getWriteErrors().stream().mapToInt(BulkWriteError::getIndex).min().orElse(0);
      } catch (RuntimeException e) {
        // The server could not be reached or did not answer: as for a single insert, every
        // writer of the group hears of it.
        for (Append append : group) {
          append.failure = e;
          append.settled = true;
        }
        return;
      }
      for (int i = 0; i < stored; i++) {
        stored(group.get(i), first + i);
      }
    }
    // One append alone, and those a group could not store (a taken commit number, an event stored
    // already or by another writer), go one by one, each with its own outcome.
    for (Append append : group.subList(stored, group.size())) {
      try {
        insertCommit(append);
      } catch (RuntimeException e) {
        append.failure = e;
      }
      append.settled = true;
    }
  }

  private void insertCommit(Append append) {
    long candidate = commits.knownHead() + 1;
    while (true) {
      try {
        commits.insert(CommitCodec.commit(candidate, append.eventDocuments()));
        stored(append, candidate);
        return;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw new EventStoreException("could not store commit " + candidate, e);
        }
        if (isCommitNumberTaken(e)) {
          commitNumberCollisions.incrementAndGet();
          candidate = commits.head() + 1;
        } else if (alreadyStored(append.eventDocuments())) {
          return;
        } else {
          conflict.accept(e, append.messages().get(0));
          return;
        }
      }
    }
  }

  private void stored(Append append, long commit) {
    commits.seen(commit);
    links.remember(append.eventDocuments());
    append.commit = commit;
    append.settled = true;
  }

  private static boolean isCommitNumberTaken(MongoWriteException e) {
    // The server names the index on _id "_id_".
    String message = e.getError().getMessage();
    return message != null && message.contains("index: _id_");
  }

  private static DomainEventMessage<?> firstDuplicateWithin(List<DomainEventMessage<?>> events) {
    Set<String> keys = new HashSet<>();
    Set<String> identifiers = new HashSet<>();
    for (DomainEventMessage<?> event : events) {
      if (!keys.add(CommitCodec.key(event.getAggregateIdentifier(), event.getSequenceNumber()))
          | !identifiers.add(event.getIdentifier())) {
        return event;
      }
    }
    return null;
  }

  /** True when every event of the append is stored already, under the same identifiers. */
  private boolean alreadyStored(List<Document> eventDocuments) {
    List<String> identifiers = eventDocuments.stream().map(CommitCodec::eventIdentifier).toList();
    Set<String> found = new HashSet<>();
    for (Document commit : commits.holdingIdentifiers(identifiers)) {
      for (Document stored : CommitCodec.events(commit)) {
        String identifier = CommitCodec.eventIdentifier(stored);
        Document mine =
            eventDocuments.stream()
                .filter(d -> CommitCodec.eventIdentifier(d).equals(identifier))
                .findFirst()
                .orElse(null);
        if (mine != null && CommitCodec.key(mine).equals(CommitCodec.key(stored))) {
          found.add(identifier);
        }
      }
    }
    return found.containsAll(identifiers);
  }

  /**
   * One call of {@link #append}: its events, and once settled by whichever writer held the turn,
   * the commit number that stores them ({@code -1} when they were stored already) or why they could
   * not be stored.
   */
  private static final class Append {
    private final List<DomainEventMessage<?>> messages;
    private final List<Document> eventDocuments;
    private volatile boolean settled;
    private volatile long commit = -1;
    private volatile RuntimeException failure;

    Append(List<DomainEventMessage<?>> messages, List<Document> eventDocuments) {
      this.messages = messages;
      this.eventDocuments = eventDocuments;
    }

    List<DomainEventMessage<?>> messages() {
      return messages;
    }

    List<Document> eventDocuments() {
      return eventDocuments;
    }
  }
}
