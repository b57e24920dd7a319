package nl.partnershipregistry.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import nl.partnershipregistry.eventstore.StoredEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

class EventTailTest {

  /**
   * What a follower must receive, it receives; how soon depends on the machine. On two cores busy
   * with other builds the reader's thread may wait its turn for seconds, so the waits are long.
   */
  @BeforeAll
  static void waitLongerOnABusyMachine() {
    Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void backToTheDefaults() {
    Awaitility.reset();
  }

  static final Duration NO_POLL = Duration.ofHours(1);

  /** A short window, so that the tests wait little for what followers hand on. */
  static final Duration WINDOW = Duration.ofMillis(5);

  final Store store = new Store();
  final List<Disposable> streams = new ArrayList<>();
  EventTail tail;

  @AfterEach
  void close() {
    streams.forEach(Disposable::dispose);
    if (tail != null) {
      tail.close();
    }
  }

  @Test
  void a_thousand_followers_cost_no_reads_of_their_own_one_read_hands_a_commit_to_all() {
    long head = store.append(5);
    tail = new EventTail(store, NO_POLL, WINDOW);
    List<List<Long>> received = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      received.add(follow(head + 1));
    }
    await().until(() -> tail.followers() == 1_000);
    long first = store.append(1);
    tail.wake();
    await().until(() -> received.stream().allMatch(r -> r.contains(first)));

    store.reads.set(0);
    store.headReads.set(0);
    long second = store.append(1);
    tail.wake();
    await().until(() -> received.stream().allMatch(r -> r.contains(second)));

    assertThat(store.reads).as("reads of the store for 1,000 followers").hasValue(1);
    assertThat(store.headReads).hasValue(0);
    assertThat(received).allSatisfy(r -> assertThat(r).containsExactly(first, second));
  }

  @Test
  void nobody_following_nothing_is_read() {
    tail = new EventTail(store, NO_POLL, WINDOW);
    Disposable stream = follow(tail, -1).subscribe();
    await().until(() -> tail.followers() == 1);
    stream.dispose();
    await().until(() -> tail.followers() == 0);
    store.reads.set(0);

    for (int i = 0; i < 20; i++) {
      store.append(1);
      tail.wake();
    }

    await().during(Duration.ofMillis(300)).until(() -> store.reads.get() == 0);
    List<Long> late = follow(-1);
    await().until(() -> tail.followers() == 1);
    await().pollDelay(Duration.ofMillis(100)).until(() -> true);
    long next = store.append(1);
    tail.wake();
    await().until(() -> late.contains(next));
    assertThat(late)
        .as("starts after the commits stored while nobody followed")
        .containsExactly(next);
  }

  @Test
  void followers_from_older_commits_read_their_backlog_and_join_without_gap_or_duplicate() {
    store.append(1_234);
    tail = new EventTail(store, NO_POLL, WINDOW);
    follow(-1);
    for (int round = 0; round < 20; round++) {
      long from = round * 61L;
      List<Long> received = follow(from);
      for (int i = 0; i < 5; i++) {
        store.append(1 + i % 3);
        tail.wake();
      }
      long last = store.head();
      await().until(() -> received.contains(last));
      assertThat(received)
          .as("from commit %d", from)
          .containsExactlyElementsOf(LongStream.rangeClosed(from, last).boxed().toList());
    }
  }

  @Test
  void a_slow_follower_stalls_nobody_and_later_reads_what_it_missed_from_the_store() {
    store.append(1);
    tail = new EventTail(store, NO_POLL, WINDOW);
    List<Long> slowReceived = new CopyOnWriteArrayList<>();
    BaseSubscriber<StoredEvent> slow =
        new BaseSubscriber<>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {
            request(1);
          }

          @Override
          protected void hookOnNext(StoredEvent event) {
            slowReceived.add(event.commit());
          }
        };
    follow(tail, 0).subscribe(slow);
    streams.add(slow);
    List<Long> fast = follow(0);

    int commits = 3 * EventTail.WAITING_BATCHES;
    for (int i = 0; i < commits; i++) {
      long commit = store.append(1);
      tail.wake();
      await()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(1))
          .until(() -> fast.contains(commit));
    }
    assertThat(slowReceived).containsExactly(0L);

    int readsBefore = store.reads.get();
    slow.request(Long.MAX_VALUE);
    await().until(() -> slowReceived.contains((long) commits));

    List<Long> all = LongStream.rangeClosed(0, commits).boxed().toList();
    assertThat(fast).containsExactlyElementsOf(all);
    assertThat(slowReceived).containsExactlyElementsOf(all);
    assertThat(store.reads.get())
        .as("the slow follower read the batches it had to drop")
        .isGreaterThan(readsBefore);
  }

  @Test
  void commits_of_other_instances_arrive_with_the_poll() {
    tail = new EventTail(store, Duration.ofMillis(50), WINDOW);
    List<Long> received = follow(-1);
    await().until(() -> tail.followers() == 1);
    await().pollDelay(Duration.ofMillis(100)).until(() -> true);

    long commit = store.append(1);

    await().until(() -> received.contains(commit));
  }

  @Test
  void a_stream_that_ends_stops_following() {
    tail = new EventTail(store, NO_POLL, WINDOW);
    Disposable stream = follow(tail, -1).subscribe();
    await().until(() -> tail.followers() == 1);

    stream.dispose();

    await().until(() -> tail.followers() == 0);
  }

  @Test
  void what_gathers_while_a_stream_asks_for_nothing_is_handed_on_as_one_window_in_order() {
    tail = new EventTail(store, NO_POLL, WINDOW);
    List<List<Long>> windows = new CopyOnWriteArrayList<>();
    BaseSubscriber<List<StoredEvent>> waiting =
        new BaseSubscriber<>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {}

          @Override
          protected void hookOnNext(List<StoredEvent> window) {
            windows.add(window.stream().map(StoredEvent::commit).toList());
          }
        };
    tail.windows(-1, event -> true).subscribe(waiting);
    streams.add(waiting);
    List<Long> other = follow(-1);
    await().until(() -> tail.followers() == 2);

    long first = store.append(1);
    tail.wake();
    await().until(() -> other.contains(first));
    long last = store.append(3);
    tail.wake();
    await().until(() -> other.contains(last));
    // The reader leaves a batch with one follower after another: give it time to reach both.
    await().pollDelay(Duration.ofMillis(50)).until(() -> true);
    assertThat(windows).isEmpty();

    waiting.request(1);

    await().until(() -> !windows.isEmpty());
    assertThat(windows)
        .as("two reads of the reader, handed on together")
        .containsExactly(LongStream.rangeClosed(first, last).boxed().toList());
  }

  @Test
  void a_follower_hands_on_only_the_events_it_keeps_and_no_empty_window() {
    tail = new EventTail(store, NO_POLL, WINDOW);
    List<List<Long>> windows = new CopyOnWriteArrayList<>();
    streams.add(
        tail.windows(0, event -> event.commit() % 3 == 0)
            .subscribe(window -> windows.add(window.stream().map(StoredEvent::commit).toList())));
    List<Long> everything = follow(0);

    for (int i = 0; i < 10; i++) {
      store.append(1 + i % 2);
      tail.wake();
    }
    long last = store.head();
    await().until(() -> everything.contains(last));
    await().pollDelay(Duration.ofMillis(50)).until(() -> true);

    assertThat(windows).allSatisfy(window -> assertThat(window).isNotEmpty());
    assertThat(windows.stream().flatMap(List::stream).toList())
        .containsExactlyElementsOf(
            LongStream.rangeClosed(0, last).filter(c -> c % 3 == 0).boxed().toList());
  }

  /** Every event from {@code fromCommit} on, one at a time: the windows laid end to end. */
  static Flux<StoredEvent> follow(EventTail tail, long fromCommit) {
    return tail.windows(fromCommit, event -> true).concatMapIterable(window -> window, 1);
  }

  /** The commits a new follower receives, as they come. */
  List<Long> follow(long fromCommit) {
    List<Long> received = Collections.synchronizedList(new ArrayList<>());
    streams.add(follow(tail, fromCommit).subscribe(e -> received.add(e.commit())));
    return received;
  }

  /** A store of one event per commit, counting its reads. */
  static final class Store extends EventArchive {

    final List<StoredEvent> commits = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger headReads = new AtomicInteger();

    Store() {
      super(null);
    }

    /** Stores {@code count} commits; the last one's number. */
    synchronized long append(int count) {
      for (int i = 0; i < count; i++) {
        long commit = commits.size();
        commits.add(
            new StoredEvent(
                commit,
                0,
                "p-" + commit,
                0,
                "e-" + commit,
                PARTNERSHIP,
                "2026-12-04T00:00:00Z",
                "nl.partnershipregistry.core.partnership.event.PartnershipRegistered",
                null,
                "{}",
                "{}",
                "0".repeat(64),
                "0".repeat(64)));
      }
      return commits.size() - 1;
    }

    @Override
    public List<StoredEvent> commits(long first, int count) {
      reads.incrementAndGet();
      // A snapshot first: a view of the list (subList) fails when a commit is appended meanwhile,
      // and the tail's reader would then miss a commit that no later wake-up reads again.
      List<StoredEvent> stored = List.copyOf(commits);
      int size = stored.size();
      return stored.subList((int) Math.min(first, size), (int) Math.min(first + count, size));
    }

    @Override
    public long head() {
      headReads.incrementAndGet();
      return commits.size() - 1;
    }
  }
}
