package nl.partnershipregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class CaffeineCacheAdapterTest {

  private final CaffeineCacheAdapter cache = new CaffeineCacheAdapter(3);
  private final List<String> heard = new ArrayList<>();

  private Registration listen(Cache listened) {
    return listened.registerCacheEntryListener(
        new Cache.EntryListenerAdapter() {
          @Override
          public void onEntryExpired(Object key) {
            heard.add("expired " + key);
          }

          @Override
          public void onEntryRemoved(Object key) {
            heard.add("removed " + key);
          }

          @Override
          public void onEntryUpdated(Object key, Object value) {
            heard.add("updated " + key + "=" + value);
          }

          @Override
          public void onEntryCreated(Object key, Object value) {
            heard.add("created " + key + "=" + value);
          }
        });
  }

  @Test
  void keeps_the_aggregate_just_used_and_those_used_often_whatever_the_garbage_collector_does() {
    CaffeineCacheAdapter aggregates = new CaffeineCacheAdapter(100);
    IntStream.range(0, 100).forEach(i -> aggregates.put("p" + i, i));
    for (int turn = 0; turn < 10; turn++) {
      IntStream.range(0, 10).forEach(i -> aggregates.get("p" + i));
    }
    System.gc();

    // A thousand aggregates used once each, as by an import or a walk over the registry.
    IntStream.range(100, 1_100).forEach(i -> aggregates.put("p" + i, i));
    aggregates.cleanUp();

    assertThat(IntStream.range(0, 10).filter(i -> aggregates.containsKey("p" + i)).count())
        .as("the ten used often")
        .isEqualTo(10);
    assertThat(aggregates.containsKey("p1099")).as("the one used last").isTrue();
    assertThat((Object) aggregates.get("p3")).isEqualTo(3);
    assertThat(IntStream.range(0, 1_100).filter(i -> aggregates.containsKey("p" + i)).count())
        .as("held, its size")
        .isEqualTo(100);
  }

  @Test
  void beyond_its_size_the_entries_it_lets_go_are_heard_to_expire() {
    listen(cache);
    List<String> keys = List.of("a", "b", "c", "d", "e");
    keys.forEach(key -> cache.put(key, key.toUpperCase()));
    cache.cleanUp();

    List<String> held = keys.stream().filter(cache::containsKey).toList();
    List<String> expired =
        heard.stream().filter(h -> h.startsWith("expired ")).map(h -> h.substring(8)).toList();
    assertThat(held).hasSize(3).contains("e");
    assertThat(expired).hasSize(2).doesNotContainAnyElementsOf(held);
    assertThat(heard.stream().filter(h -> h.startsWith("removed "))).isEmpty();
  }

  @Test
  void its_listeners_hear_what_comes_changes_and_leaves() {
    Registration registration = listen(cache);

    cache.put("a", "A");
    cache.put("a", "A2");
    assertThat(cache.putIfAbsent("a", "A3")).isFalse();
    assertThat(cache.putIfAbsent("b", "B")).isTrue();
    cache.put("c", "C");
    cache.computeIfPresent("c", (UnaryOperator<String>) value -> value + "2");
    cache.computeIfPresent("b", (UnaryOperator<String>) value -> null);
    cache.computeIfPresent("x", (UnaryOperator<String>) value -> "never");
    assertThat(cache.remove("a")).isTrue();
    assertThat(cache.remove("a")).isFalse();
    registration.cancel();
    cache.put("e", "E");

    assertThat(heard)
        .containsExactly(
            "created a=A",
            "updated a=A2",
            "created b=B",
            "created c=C",
            "updated c=C2",
            "removed b",
            "removed a");
    assertThat((Object) cache.get("c")).isEqualTo("C2");
    assertThat((Object) cache.get("a")).isNull();
    assertThat(cache.containsKey("b")).isFalse();
    assertThat(cache.containsKey("x")).isFalse();
  }

  @Test
  void compute_if_absent_asks_the_supplier_only_when_nothing_is_held() {
    assertThat(cache.<String>computeIfAbsent("a", () -> "A")).isEqualTo("A");
    assertThat(cache.<String>computeIfAbsent("a", () -> "other")).isEqualTo("A");
    assertThatThrownBy(() -> cache.computeIfAbsent("b", () -> null))
        .isInstanceOf(IllegalStateException.class);
    assertThat(cache.containsKey("b")).isFalse();
  }

  @Test
  void remove_all_empties_it_and_says_so_for_each() {
    cache.put("a", "A");
    cache.put("b", "B");
    listen(cache);

    cache.removeAll();

    assertThat(cache.containsKey("a")).isFalse();
    assertThat(cache.containsKey("b")).isFalse();
    assertThat(heard).containsExactlyInAnyOrder("removed a", "removed b");
  }

  @Test
  void refuses_nulls_and_a_size_below_one() {
    assertThatThrownBy(() -> cache.put("a", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.putIfAbsent(null, "A"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CaffeineCacheAdapter(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void holds_its_size_and_hears_each_eviction_once_after_concurrent_use() throws Exception {
    CaffeineCacheAdapter shared = new CaffeineCacheAdapter(100);
    List<Object> expired = Collections.synchronizedList(new ArrayList<>());
    shared.registerCacheEntryListener(
        new Cache.EntryListenerAdapter() {
          @Override
          public void onEntryExpired(Object key) {
            expired.add(key);
          }
        });
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int writer = w;
      done.add(
          writers.submit(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  shared.put(writer + "-" + i, i);
                  shared.get(writer + "-" + (i / 2));
                }
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    writers.shutdown();
    // Caffeine keeps its bound by maintenance after writes; a writer that finds another doing it
    // leaves its share to the next write or to this.
    shared.cleanUp();

    long held = 0;
    for (int w = 0; w < 8; w++) {
      for (int i = 0; i < 1_000; i++) {
        if (shared.containsKey(w + "-" + i)) {
          held++;
        }
      }
    }
    assertThat(held).isEqualTo(100);
    assertThat(expired).hasSize(8_000 - 100).doesNotHaveDuplicates();
  }
}
