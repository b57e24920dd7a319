package nl.partnershipregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class RecentAggregatesCacheTest {

  private final RecentAggregatesCache cache = new RecentAggregatesCache(3);
  private final List<String> heard = new ArrayList<>();

  private Registration listen() {
    return cache.registerCacheEntryListener(
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
  void keeps_the_aggregates_used_last_whatever_the_garbage_collector_does() {
    cache.put("a", "A");
    cache.put("b", "B");
    cache.put("c", "C");
    System.gc();

    assertThat((Object) cache.get("a")).isEqualTo("A");
    cache.put("d", "D");

    assertThat(cache.containsKey("b")).as("used longest ago").isFalse();
    assertThat(cache.containsKey("a")).as("read just before").isTrue();
    assertThat(cache.containsKey("c")).isTrue();
    assertThat(cache.containsKey("d")).isTrue();
  }

  @Test
  void its_listeners_hear_what_comes_changes_leaves_and_expires() {
    Registration registration = listen();

    cache.put("a", "A");
    cache.put("a", "A2");
    assertThat(cache.putIfAbsent("a", "A3")).isFalse();
    assertThat(cache.putIfAbsent("b", "B")).isTrue();
    cache.put("c", "C");
    cache.put("d", "D");
    cache.computeIfPresent("c", (UnaryOperator<String>) value -> value + "2");
    cache.computeIfPresent("b", (UnaryOperator<String>) value -> null);
    cache.computeIfPresent("x", (UnaryOperator<String>) value -> "never");
    assertThat(cache.remove("d")).isTrue();
    assertThat(cache.remove("d")).isFalse();
    registration.cancel();
    cache.put("e", "E");

    assertThat(heard)
        .containsExactly(
            "created a=A",
            "updated a=A2",
            "created b=B",
            "created c=C",
            "created d=D",
            "expired a",
            "updated c=C2",
            "removed b",
            "removed d");
    assertThat((Object) cache.get("c")).isEqualTo("C2");
    assertThat((Object) cache.get("a")).isNull();
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
    listen();

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
    assertThatThrownBy(() -> new RecentAggregatesCache(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void never_holds_more_than_its_size_under_concurrent_use() throws Exception {
    RecentAggregatesCache shared = new RecentAggregatesCache(100);
    List<Object> expired = java.util.Collections.synchronizedList(new ArrayList<>());
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
