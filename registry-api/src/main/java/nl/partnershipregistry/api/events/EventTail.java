package nl.partnershipregistry.api.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.partnershipregistry.eventstore.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The head of the event store, followed by one reader for all live streams. The reader reads the
 * commits stored since its last read when it is woken ({@link #wake()}: a commit was stored in this
 * process) or, for commits of other instances sharing the database, after {@code poll} without a
 * wake-up; it hands what it read to every follower. While nobody follows, it reads nothing.
 *
 * <p>A follower that starts from an older commit reads its backlog from the store itself, and then
 * takes the reader's commits from where its backlog ended: it skips the commits it has already
 * delivered and reads from the store the ones it missed, so it sees every commit once, in order. A
 * follower that does not keep up holds at most {@value #WAITING_BATCHES} of the reader's batches;
 * beyond that its oldest are dropped, and it reads them again from the store when it comes to them,
 * so that a slow follower neither stalls the others nor loses a commit.
 */
public final class EventTail implements AutoCloseable {

  /** How long the reader waits for a wake-up before it looks for other instances' commits. */
  public static final Duration POLL = Duration.ofSeconds(1);

  /** Batches of the reader that a follower may have waiting before its oldest are dropped. */
  static final int WAITING_BATCHES = 64;

  /** Commits asked for by the reader's first read after a wake-up; few are new at each. */
  private static final int FIRST_READ = 16;

  /** The most commits asked for by one read. */
  private static final int MOST_READ = 500;

  private static final Logger log = LoggerFactory.getLogger(EventTail.class);

  /** What the reader read: the commits from {@code first} to {@code last}, without a gap. */
  private record Batch(long first, long last, List<StoredEvent> events) {}

  /** Handed to a follower once it listens to the reader: catch up with the reader. */
  private static final Batch CATCH_UP = new Batch(-1, -1, List.of());

  /**
   * A follower's position before it knows where to start: with the next commit the reader reads.
   */
  private static final long FROM_NEXT = -1;

  private final EventArchive archive;
  private final Duration poll;
  private final Sinks.Many<Batch> batches = Sinks.many().multicast().directBestEffort();
  private final Object lock = new Object();
  private final Thread reader;

  // Guarded by lock.
  private int followers;
  private boolean woken;
  private boolean closed;

  /** When ({@code System.nanoTime}) the reader looks for other instances' commits next. */
  private long pollDue;

  /** The next commit the reader reads; only grows. Current while anybody follows. */
  private final AtomicLong next = new AtomicLong();

  public EventTail(EventArchive archive, Duration poll) {
    this.archive = archive;
    this.poll = poll;
    this.reader = new Thread(this::read, "event-tail");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The events of every commit from {@code fromCommit} on, in commit order, then those stored
   * after, as they are stored; with {@code fromCommit} negative, from the next commit stored. Never
   * completes while the tail is open.
   */
  public Flux<StoredEvent> follow(long fromCommit) {
    return Flux.usingWhen(
        Mono.fromCallable(
                () -> {
                  join();
                  return new Follower(fromCommit < 0 ? FROM_NEXT : fromCommit);
                })
            .subscribeOn(Schedulers.boundedElastic()),
        follower ->
            Flux.merge(
                    1,
                    batches
                        .asFlux()
                        .onBackpressureBuffer(
                            WAITING_BATCHES, dropped -> {}, BufferOverflowStrategy.DROP_OLDEST),
                    Mono.just(CATCH_UP))
                .concatMap(follower::deliver, 1),
        follower -> Mono.fromRunnable(this::leave));
  }

  /** A commit was stored in this process: the reader reads it now rather than at the next poll. */
  public void wake() {
    synchronized (lock) {
      woken = true;
      lock.notifyAll();
    }
  }

  /** Live streams following the tail. */
  public int followers() {
    synchronized (lock) {
      return followers;
    }
  }

  /** Stops the reader; the followers' streams complete. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    try {
      reader.join(poll.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    batches.tryEmitComplete();
  }

  private void join() {
    boolean headRead = false;
    long head = -1;
    while (true) {
      synchronized (lock) {
        if (closed) {
          throw new IllegalStateException("the event tail is closed");
        }
        if (followers > 0 || headRead) {
          if (followers == 0) {
            // Nobody followed, so the reader stood still; the first follower starts from the head.
            next.accumulateAndGet(head + 1, Math::max);
            pollDue = System.nanoTime() + poll.toNanos();
            // The reader waits without end while nobody follows; from now on it polls.
            lock.notifyAll();
          }
          followers++;
          return;
        }
      }
      // Not under the lock, so that a slow answer holds up no writer's wake-up.
      head = archive.head();
      headRead = true;
    }
  }

  private void leave() {
    synchronized (lock) {
      followers--;
    }
  }

  private void read() {
    while (true) {
      long from;
      synchronized (lock) {
        try {
          while (!readDue()) {
            long wait = pollDue - System.nanoTime();
            lock.wait(followers == 0 ? 0 : Math.max(1, wait / 1_000_000));
          }
        } catch (InterruptedException e) {
          return;
        }
        if (closed) {
          return;
        }
        woken = false;
        from = next.get();
        pollDue = System.nanoTime() + poll.toNanos();
      }
      try {
        readFrom(from);
      } catch (RuntimeException e) {
        log.warn("Could not read the event store's new commits; trying again in {}", poll, e);
      }
    }
  }

  /** Whether the reader is to read (or stop): woken or polling, and only while anybody follows. */
  private boolean readDue() {
    if (closed) {
      return true;
    }
    if (followers == 0) {
      woken = false;
      return false;
    }
    return woken || System.nanoTime() - pollDue >= 0;
  }

  /** Reads and hands on the commits from {@code from} to the head. */
  private void readFrom(long from) {
    int count = FIRST_READ;
    while (true) {
      List<StoredEvent> events = archive.commits(from, count);
      if (events.isEmpty()) {
        return;
      }
      long last = events.get(events.size() - 1).commit();
      next.accumulateAndGet(last + 1, Math::max);
      batches.tryEmitNext(new Batch(from, last, events));
      if (last - from + 1 < count) {
        return;
      }
      from = last + 1;
      count = Math.min(count * 4, MOST_READ);
    }
  }

  /**
   * One live stream's place in the store: the next commit it delivers. Only its own stream's {@code
   * concatMap} touches it, one batch at a time.
   */
  private final class Follower {

    private long position;

    Follower(long position) {
      this.position = position;
    }

    /** The events of a batch that this follower has not delivered, after those it missed. */
    Flux<StoredEvent> deliver(Batch batch) {
      long until = batch == CATCH_UP ? next.get() : batch.first();
      if (position == FROM_NEXT) {
        position = until;
      }
      return backlog(until).concatWith(Flux.defer(() -> rest(batch)));
    }

    private Flux<StoredEvent> rest(Batch batch) {
      if (batch.last() < position) {
        return Flux.empty();
      }
      long from = position;
      position = batch.last() + 1;
      return batch.first() >= from
          ? Flux.fromIterable(batch.events())
          : Flux.fromIterable(batch.events()).filter(e -> e.commit() >= from);
    }

    /** The commits from this follower's position up to {@code until} (not included), as stored. */
    private Flux<StoredEvent> backlog(long until) {
      if (position >= until) {
        return Flux.empty();
      }
      long from = position;
      int count = (int) Math.min(MOST_READ, until - from);
      return Mono.fromCallable(() -> archive.commits(from, count))
          .subscribeOn(Schedulers.boundedElastic())
          .flatMapMany(
              events -> {
                if (events.isEmpty()) {
                  return Flux.error(
                      new IllegalStateException("commit " + from + " is not in the store"));
                }
                position = events.get(events.size() - 1).commit() + 1;
                return Flux.fromIterable(events).concatWith(Flux.defer(() -> backlog(until)));
              });
    }
  }
}
