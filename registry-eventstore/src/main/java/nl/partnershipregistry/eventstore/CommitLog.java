package nl.partnershipregistry.eventstore;

import static nl.partnershipregistry.eventstore.CommitCodec.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The collection of commits, reached only by commit number ({@code _id}) or by an event's uniquely
 * indexed key or identifier, never by a scan: the embedded server answers range queries and queries
 * on other fields by reading the whole collection, but answers {@code $in} over an index from the
 * index. Keeps the highest commit number this process has seen stored.
 */
final class CommitLog {

  static final String EVENT_KEY_INDEX = "event_key";
  static final String EVENT_ID_INDEX = "event_identifier";

  private static final int HEAD_PROBE = 64;
  private static final Bson NUMBER_ONLY = Projections.include(ID);

  private final MongoCollection<Document> commits;
  private final AtomicLong knownHead = new AtomicLong(-1);

  CommitLog(MongoCollection<Document> commits) {
    this.commits = commits;
    commits.createIndex(
        Indexes.ascending(CommitCodec.EVENT_KEYS),
        new IndexOptions().unique(true).name(EVENT_KEY_INDEX));
    commits.createIndex(
        Indexes.ascending(CommitCodec.EVENT_IDENTIFIERS),
        new IndexOptions().unique(true).name(EVENT_ID_INDEX));
  }

  // Writing

  /** Inserts one commit; a taken number or event key is the driver's duplicate-key error. */
  void insert(Document commit) {
    commits.insertOne(commit);
  }

  /** Inserts consecutive commits in order: those before the first that fails are stored. */
  void insertInOrder(List<Document> commits) {
    this.commits.insertMany(commits, new InsertManyOptions().ordered(true));
  }

  // The head

  /** The highest commit number this process has seen stored, or -1. */
  long knownHead() {
    return knownHead.get();
  }

  /** Notes that {@code commit} is stored. */
  void seen(long commit) {
    knownHead.accumulateAndGet(commit, Math::max);
  }

  /**
   * The highest commit number stored, or -1 for an empty store. Starts from the head this process
   * knows and probes forward by {@code _id}; the first time, it finds the head by a binary search
   * over the gap-free numbers.
   */
  long head() {
    long head = knownHead.get();
    if (head < 0) {
      head = searchHead();
    }
    while (true) {
      List<Document> ahead = from(head + 1, HEAD_PROBE, NUMBER_ONLY);
      head += ahead.size();
      if (ahead.size() < HEAD_PROBE) {
        break;
      }
    }
    long found = head;
    return knownHead.accumulateAndGet(found, Math::max);
  }

  private long searchHead() {
    if (!exists(0)) {
      return -1;
    }
    long present = 0;
    long absent = 1;
    while (exists(absent)) {
      present = absent;
      absent *= 2;
    }
    while (absent - present > 1) {
      long middle = present + (absent - present) / 2;
      if (exists(middle)) {
        present = middle;
      } else {
        absent = middle;
      }
    }
    return present;
  }

  private boolean exists(long commit) {
    return commits.find(Filters.eq(ID, commit)).projection(NUMBER_ONLY).first() != null;
  }

  // Reading

  Optional<Document> commit(long number) {
    return Optional.ofNullable(commits.find(Filters.eq(ID, number)).first());
  }

  /** Up to {@code count} commits from {@code first} on, without a gap, in order. */
  List<Document> from(long first, int count) {
    return from(first, count, null);
  }

  /**
   * Up to {@code count} commits from {@code first} on, without a gap, in order, with only the
   * fields that {@code projection} keeps ({@code null}: all).
   */
  private List<Document> from(long first, int count, Bson projection) {
    List<Long> numbers = LongStream.range(first, first + count).boxed().toList();
    List<Document> found =
        commits.find(Filters.in(ID, numbers)).projection(projection).into(new ArrayList<>());
    found.sort(Comparator.comparingLong(CommitCodec::number));
    List<Document> gapFree = new ArrayList<>(found.size());
    long expected = first;
    for (Document commit : found) {
      if (CommitCodec.number(commit) != expected) {
        break;
      }
      gapFree.add(commit);
      expected++;
    }
    return gapFree;
  }

  /** The commit holding the event stored under {@code key}, if any. */
  Optional<Document> holdingKey(String key) {
    return Optional.ofNullable(commits.find(Filters.eq(CommitCodec.EVENT_KEYS, key)).first());
  }

  /** The commits holding any of the events stored under {@code keys}, each once. */
  Collection<Document> holdingKeys(List<String> keys) {
    return holding(CommitCodec.EVENT_KEYS, keys);
  }

  /** The commits holding any of the events with {@code identifiers}, each once. */
  Collection<Document> holdingIdentifiers(List<String> identifiers) {
    return holding(CommitCodec.EVENT_IDENTIFIERS, identifiers);
  }

  /**
   * The commits holding any of {@code values} in the uniquely indexed {@code field}, each once: the
   * embedded server returns a document once for every value it matches.
   */
  private Collection<Document> holding(String field, List<String> values) {
    Map<Long, Document> byNumber = new LinkedHashMap<>();
    for (Document commit : commits.find(Filters.in(field, values))) {
      byNumber.putIfAbsent(CommitCodec.number(commit), commit);
    }
    return byNumber.values();
  }
}
