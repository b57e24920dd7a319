package nl.partnershipregistry.eventstore;

import static nl.partnershipregistry.eventstore.MongoEventStorageEngine.EVENTS_PER_COMMIT;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;

/**
 * The global stream of events and its tracking tokens. The position of the {@code i}-th event of
 * commit {@code c} is {@code c *} {@value MongoEventStorageEngine#EVENTS_PER_COMMIT} {@code + i},
 * in a {@link GlobalSequenceTrackingToken}. The stream is read by asking for the next commit
 * numbers by {@code $in} (no more than can exist, whole: the embedded server's projections cost it
 * more than the fields they leave out), delivering only the gap-free prefix of what is found, and
 * two batches ahead of its reader while that reader is behind the head.
 */
final class StreamReader {

  /** Commit numbers asked for beyond the known head when reading the stream. */
  private static final int AHEAD_OF_HEAD = 8;

  /**
   * Batches fetched ahead of a reader behind the head: with two, the server encodes one while the
   * reader's side decodes the other.
   */
  private static final int FETCHED_AHEAD = 2;

  /** Threads that read the stream ahead of its readers; they end after a minute without work. */
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "event-store-read-ahead");
            thread.setDaemon(true);
            return thread;
          });

  private final CommitLog commits;
  private final int batchSize;

  /**
   * @param batchSize the commits read at a time by a stream and by {@link #tokenAt}
   */
  StreamReader(CommitLog commits, int batchSize) {
    this.commits = commits;
    this.batchSize = batchSize;
  }

  /**
   * The stream of events after {@code token}, read ahead: while the caller works through one batch,
   * the next {@value #FETCHED_AHEAD} are fetched on threads of their own, as long as the batches
   * come back full (the reader is behind the head). At the head, each batch is fetched when asked
   * for, as Axon's own engines do.
   */
  Stream<? extends TrackedEventData<?>> read(TrackingToken token) {
    ReadAhead readAhead = new ReadAhead(token);
    return StreamSupport.stream(readAhead, false).onClose(readAhead::close);
  }

  /** The events after {@code lastToken} in up to {@code batchSize} commits. */
  List<? extends TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
    return fetchBatch(lastToken, batchSize).events();
  }

  // Tokens

  /** The position of the last event stored, or {@code null} for an empty store. */
  TrackingToken headToken() {
    long head = commits.head();
    if (head < 0) {
      return null;
    }
    int events = commits.commit(head).map(commit -> CommitCodec.events(commit).size()).orElse(1);
    return new GlobalSequenceTrackingToken(head * EVENTS_PER_COMMIT + events - 1);
  }

  /**
   * The position just before the first event, in stream order, stamped at or after {@code at}.
   * Event timestamps need not grow with the stream, so this reads the stream from the start: it is
   * meant for resetting a processor to a moment, not for a hot path.
   */
  TrackingToken tokenAt(Instant at) {
    long before = -1;
    long next = 0;
    while (true) {
      List<Document> batch = commits.from(next, batchSize);
      if (batch.isEmpty()) {
        return headToken();
      }
      for (Document commit : batch) {
        long number = CommitCodec.number(commit);
        List<Document> events = CommitCodec.events(commit);
        for (int i = 0; i < events.size(); i++) {
          if (!CommitCodec.timestamp(events.get(i)).isBefore(at)) {
            return before < 0 ? null : new GlobalSequenceTrackingToken(before);
          }
          before = number * EVENTS_PER_COMMIT + i;
        }
        next = number + 1;
      }
    }
  }

  private static long position(TrackingToken token) {
    if (token == null) {
      return -1;
    }
    if (!(token instanceof GlobalSequenceTrackingToken global)) {
      throw new IllegalArgumentException(
          "this store reads GlobalSequenceTrackingTokens, not " + token.getClass().getName());
    }
    return global.getGlobalIndex();
  }

  // Reading

  /**
   * The events after {@code lastToken} in up to {@code batchSize} commits, and whether there were
   * that many (so that more may follow at once).
   */
  private Batch fetchBatch(TrackingToken lastToken, int batchSize) {
    long after = position(lastToken);
    return fetchBatch(after < 0 ? 0 : after / EVENTS_PER_COMMIT, after, batchSize);
  }

  /**
   * The events after position {@code after} in up to {@code batchSize} commits from commit {@code
   * first} on (the commit of {@code after}, or the one after it), and whether there were that many.
   * Asks only for the commit numbers that can exist: those up to the head this engine knows, and a
   * few beyond for commits of other instances, asking for twice as many each time all it asked for
   * were there.
   */
  private Batch fetchBatch(long first, long after, int batchSize) {
    int wanted = Math.max(1, batchSize);
    int ask =
        (int)
            Math.min(
                wanted, Math.max(AHEAD_OF_HEAD, commits.knownHead() + 1 - first + AHEAD_OF_HEAD));
    List<TrackedEventData<?>> result = new ArrayList<>();
    int read = 0;
    while (true) {
      List<Document> found = commits.from(first, ask);
      for (Document commit : found) {
        long number = CommitCodec.number(commit);
        List<Document> events = CommitCodec.events(commit);
        for (int i = 0; i < events.size(); i++) {
          long position = number * EVENTS_PER_COMMIT + i;
          if (position > after) {
            result.add(
                CommitCodec.tracked(new GlobalSequenceTrackingToken(position), events.get(i)));
          }
        }
      }
      read += found.size();
      first += found.size();
      if (!found.isEmpty()) {
        commits.seen(first - 1);
      }
      if (found.size() < ask) {
        return new Batch(result, false, first);
      }
      // A first commit whose events were all delivered before counts as read but gives nothing:
      // with a batch of one commit the reader would otherwise never get past it.
      if (read >= wanted && !result.isEmpty()) {
        return new Batch(result, true, first);
      }
      ask = Math.max(1, Math.min(wanted - read, ask * 2));
    }
  }

  /**
   * Events read from the stream, whether as many commits were read as were asked for, and the
   * number of the commit after the last one read.
   */
  private record Batch(List<TrackedEventData<?>> events, boolean full, long next) {}

  /** A batch fetched ahead, from commit {@code first} on. */
  private record Ahead(long first, CompletableFuture<Batch> batch) {}

  /**
   * The stream after a token, one batch at a time, with the next {@value #FETCHED_AHEAD} batches
   * fetched in the background while this one is handed out, as long as batches come back full. Each
   * batch fetched ahead starts at the commit after the one before it, as if that one were full; it
   * is handed out only if that one was full and ended there, so what is handed out is gap-free from
   * the start.
   */
  private final class ReadAhead extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

    private TrackingToken last;
    private Iterator<TrackedEventData<?>> current = Collections.emptyIterator();

    /** The batches fetched ahead, in order; guarded by itself, as {@link #close} may come. */
    private final Deque<Ahead> ahead = new ArrayDeque<>();

    private volatile boolean closed;

    ReadAhead(TrackingToken start) {
      super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT | CONCURRENT);
      this.last = start;
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
      if (!current.hasNext()) {
        if (closed) {
          return false;
        }
        Ahead fetched;
        synchronized (ahead) {
          fetched = ahead.poll();
        }
        Batch batch = fetched == null ? fetchBatch(last, batchSize) : await(fetched.batch());
        if (closed || batch.events().isEmpty()) {
          return false;
        }
        current = batch.events().iterator();
        last = batch.events().get(batch.events().size() - 1).trackingToken();
        readAhead(batch);
      }
      action.accept(current.next());
      return true;
    }

    /**
     * After {@code batch}: keeps {@value #FETCHED_AHEAD} batches fetched ahead while it was full,
     * none once it was not (the reader is at the head) or when those fetched ahead do not start
     * where it ended.
     */
    private void readAhead(Batch batch) {
      synchronized (ahead) {
        Ahead following = ahead.peek();
        if (!batch.full() || following != null && following.first() != batch.next()) {
          cancelAhead();
        }
        if (!batch.full() || closed) {
          return;
        }
        while (ahead.size() < FETCHED_AHEAD) {
          long first = ahead.isEmpty() ? batch.next() : ahead.peekLast().first() + batchSize;
          ahead.add(
              new Ahead(
                  first,
                  CompletableFuture.supplyAsync(
                      () -> fetchBatch(first, first * EVENTS_PER_COMMIT - 1, batchSize), READERS)));
        }
      }
    }

    /** Cancels the batches fetched ahead; guarded by {@link #ahead}. */
    private void cancelAhead() {
      for (Ahead fetched : ahead) {
        fetched.batch().cancel(false);
      }
      ahead.clear();
    }

    /**
     * Ends the stream, from any thread: the batches being fetched ahead are cancelled, and a reader
     * waiting for one (Axon closes the stream from the thread that shuts it down while its own
     * thread reads) finds the end of the stream rather than the cancellation.
     */
    void close() {
      closed = true;
      synchronized (ahead) {
        cancelAhead();
      }
    }

    private Batch await(CompletableFuture<Batch> batch) {
      try {
        return batch.join();
      } catch (CancellationException e) {
        return new Batch(List.of(), false, -1);
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw new EventStoreException("could not read the event stream", e.getCause());
      }
    }
  }
}
