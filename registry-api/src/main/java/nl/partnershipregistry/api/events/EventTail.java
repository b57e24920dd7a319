package nl.partnershipregistry.api.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import nl.partnershipregistry.eventstore.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The head of the event store, followed by one reader for all live streams. The reader reads the
 * commits stored since its last read when it is woken ({@link #wake()}: a commit was stored in this
 * process) or, for commits of other instances sharing the database, after {@code poll} without a
 * wake-up; it leaves what it read with every follower. While nobody follows, it reads nothing.
 *
 * <p>A follower hands on what was left with it in windows: the events of the commits gathered
 * within the tail's window ({@link #WINDOW} for the application's), as one list, when its stream
 * asks for more. One thread (the pacer) does this for all followers, a fiftieth of them at each
 * fiftieth of the window, so that the writes of 1,000 streams are spread over the window rather
 * than all made when a commit arrives; leaving a commit with a follower is adding it to a queue. A
 * follower that starts from an older commit reads its backlog from the store itself, and then takes
 * the reader's commits from where its backlog ended: it skips the commits it has already handed on
 * and reads from the store the ones it missed, so it sees every commit once, in order. A follower
 * whose stream does not keep up holds at most {@value #WAITING_BATCHES} of the reader's batches;
 * beyond that its oldest are dropped, and it reads them again from the store when it comes to them,
 * so that a slow follower neither stalls the others nor loses a commit.
 */
public final class EventTail implements AutoCloseable {

  /** How long the reader waits for a wake-up before it looks for other instances' commits. */
  public static final Duration POLL = Duration.ofSeconds(1);

  /** The longest a follower of the application's tail gathers commits before it hands them on. */
  public static final Duration WINDOW = Duration.ofMillis(250);

  /** Into how many groups the followers are divided, each handed on at its own moment. */
  static final int SLOTS = 50;

  /** Batches of the reader that a follower may have waiting before its oldest are dropped. */
  static final int WAITING_BATCHES = 64;

  /** Commits asked for by the reader's first read after a wake-up; few are new at each. */
  private static final int FIRST_READ = 16;

  /** The most commits asked for by one read. */
  private static final int MOST_READ = 500;

  private static final Logger log = LoggerFactory.getLogger(EventTail.class);

  /** What the reader read: the commits from {@code first} to {@code last}, without a gap. */
  private record Batch(long first, long last, List<StoredEvent> events) {}

  /**
   * A follower's position before it knows where to start: with the next commit the reader reads.
   */
  private static final long FROM_NEXT = -1;

  private final EventArchive archive;
  private final Duration poll;
  private final Duration window;
  private final Object lock = new Object();
  private final Thread reader;
  private final Thread pacer;

  /** The followers, by the slot of the window in which they hand on what they gathered. */
  private final List<CopyOnWriteArrayList<Follower>> slots = new ArrayList<>();

  private final AtomicInteger nextSlot = new AtomicInteger();

  // Guarded by lock.
  private int followers;
  private boolean woken;
  private boolean closed;

  /** When ({@code System.nanoTime}) the reader looks for other instances' commits next. */
  private long pollDue;

  /** The next commit the reader reads; only grows. Current while anybody follows. */
  private final AtomicLong next = new AtomicLong();

  /**
   * A tail of {@code archive} that looks for other instances' commits every {@code poll} and whose
   * followers hand on what they gathered every {@code window}.
   */
  public EventTail(EventArchive archive, Duration poll, Duration window) {
    this.archive = archive;
    this.poll = poll;
    this.window = window;
    for (int i = 0; i < SLOTS; i++) {
      slots.add(new CopyOnWriteArrayList<>());
    }
    this.reader = new Thread(this::read, "event-tail");
    reader.setDaemon(true);
    reader.start();
    this.pacer = new Thread(this::pace, "event-tail-pacer");
    pacer.setDaemon(true);
    pacer.start();
  }

  /**
   * The events {@code keep} accepts of every commit from {@code fromCommit} on, in commit order,
   * then of those stored after, as they are stored; with {@code fromCommit} negative, from the next
   * commit stored. They come in windows: each list holds the events of the commits gathered within
   * the tail's window (or read from the store at once), never empty. A window is made only when the
   * stream asks for one. Never completes while the tail is open.
   */
  public Flux<List<StoredEvent>> windows(long fromCommit, Predicate<StoredEvent> keep) {
    return Flux.<List<StoredEvent>>create(
            sink -> {
              join();
              Follower follower = new Follower(sink, keep, fromCommit < 0 ? FROM_NEXT : fromCommit);
              CopyOnWriteArrayList<Follower> slot =
                  slots.get(Math.floorMod(nextSlot.getAndIncrement(), SLOTS));
              slot.add(follower);
              sink.onDispose(
                  () -> {
                    slot.remove(follower);
                    leave();
                  });
            },
            FluxSink.OverflowStrategy.BUFFER)
        // Joining may read the store's head: not on the thread that subscribes, an event loop.
        .subscribeOn(Schedulers.boundedElastic(), false);
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

  /** Stops the reader and the pacer; the followers' streams complete. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    try {
      reader.join(poll.toMillis() + 5_000);
      pacer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (List<Follower> slot : slots) {
      slot.forEach(follower -> follower.sink.complete());
    }
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
            // The reader and the pacer wait without end while nobody follows; from now on they run.
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

  /** Reads the commits from {@code from} to the head and leaves them with every follower. */
  private void readFrom(long from) {
    int count = FIRST_READ;
    while (true) {
      List<StoredEvent> events = archive.commits(from, count);
      if (events.isEmpty()) {
        return;
      }
      long last = events.get(events.size() - 1).commit();
      Batch batch = new Batch(from, last, events);
      for (List<Follower> slot : slots) {
        for (Follower follower : slot) {
          follower.leave(batch);
        }
      }
      // Only once every follower has the batch: a follower that finds the reader ahead of what was
      // left with it reads the difference from the store, which must not happen for a batch still
      // being handed round.
      next.accumulateAndGet(last + 1, Math::max);
      if (last - from + 1 < count) {
        return;
      }
      from = last + 1;
      count = Math.min(count * 4, MOST_READ);
    }
  }

  /**
   * Hands on each slot's followers' windows in turn, a slot at each of {@link #SLOTS} steps of a
   * window.
   */
  private void pace() {
    long tick = window.toNanos() / SLOTS;
    long due = System.nanoTime();
    for (int turn = 0; ; turn = (turn + 1) % SLOTS) {
      synchronized (lock) {
        try {
          while (!closed && followers == 0) {
            lock.wait();
            due = System.nanoTime();
          }
        } catch (InterruptedException e) {
          return;
        }
        if (closed) {
          return;
        }
      }
      due += tick;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
      } else {
        due = System.nanoTime();
      }
      for (Follower follower : slots.get(turn)) {
        try {
          follower.handOn();
        } catch (RuntimeException e) {
          follower.sink.error(e);
        }
      }
    }
  }

  /**
   * One live stream's place in the store: the next commit it hands on, the reader's batches left
   * with it since, and what it read from the store. The pacer alone hands on; the reader leaves
   * batches and a read of the store its result, each under the follower's lock.
   */
  private final class Follower {

    private final FluxSink<List<StoredEvent>> sink;
    private final Predicate<StoredEvent> keep;

    // Guarded by this.
    private final ArrayDeque<Batch> waiting = new ArrayDeque<>();
    private long position;
    private List<StoredEvent> backlog;
    private boolean reading;

    Follower(FluxSink<List<StoredEvent>> sink, Predicate<StoredEvent> keep, long position) {
      this.sink = sink;
      this.keep = keep;
      this.position = position == FROM_NEXT ? next.get() : position;
    }

    /** A batch the reader read: kept until it is handed on, the oldest dropped beyond the most. */
    synchronized void leave(Batch batch) {
      if (waiting.size() == WAITING_BATCHES) {
        waiting.pollFirst();
      }
      waiting.addLast(batch);
    }

    /**
     * On the pacer's thread: the events gathered since the last window, if the stream asks for
     * more; a read of the store for the commits missed, when there is nothing before them.
     */
    void handOn() {
      if (sink.isCancelled() || sink.requestedFromDownstream() == 0) {
        return;
      }
      List<StoredEvent> window = new ArrayList<>();
      long missedFrom = -1;
      long missedUntil = -1;
      synchronized (this) {
        if (reading) {
          return;
        }
        if (backlog != null) {
          take(backlog, window);
          position = backlog.get(backlog.size() - 1).commit() + 1;
          backlog = null;
        }
        while (!waiting.isEmpty()) {
          Batch batch = waiting.peekFirst();
          if (batch.last() < position) {
            waiting.pollFirst();
          } else if (batch.first() > position) {
            break;
          } else {
            waiting.pollFirst();
            take(batch.events(), window);
            position = batch.last() + 1;
          }
        }
        long known = waiting.isEmpty() ? next.get() : waiting.peekFirst().first();
        if (window.isEmpty() && position < known) {
          reading = true;
          missedFrom = position;
          missedUntil = known;
        }
      }
      if (!window.isEmpty()) {
        sink.next(window);
      } else if (missedFrom >= 0) {
        readMissed(missedFrom, missedUntil);
      }
    }

    private void take(List<StoredEvent> events, List<StoredEvent> window) {
      for (StoredEvent event : events) {
        if (event.commit() >= position && keep.test(event)) {
          window.add(event);
        }
      }
    }

    /** Reads the commits from {@code from} up to {@code until} (not included), as stored. */
    private void readMissed(long from, long until) {
      int count = (int) Math.min(MOST_READ, until - from);
      Mono.fromCallable(() -> archive.commits(from, count))
          .subscribeOn(Schedulers.boundedElastic())
          .subscribe(
              events -> {
                if (events.isEmpty()) {
                  sink.error(new IllegalStateException("commit " + from + " is not in the store"));
                  return;
                }
                synchronized (this) {
                  backlog = events;
                  reading = false;
                }
              },
              sink::error);
    }
  }
}
