package nl.partnershipregistry.api.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's {@link Cache} over a Caffeine cache bounded to a number of entries (Axon 4.13 has adapters
 * for JCache and Ehcache, none for Caffeine). What it holds does not depend on the garbage
 * collector, and it cannot fill the heap: beyond its size, Caffeine's policy (Window TinyLFU) lets
 * go of the entries least likely to be used again, judged by how recently and how often each was
 * used; its listeners hear each of them expire (decision 42).
 *
 * <p>Caffeine keeps its bound by maintenance after writes; here that runs on the writing thread
 * itself, not on a pool, so that an eviction and its notice follow the write that caused it.
 */
final class CaffeineCacheAdapter implements Cache {

  private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
  private final ConcurrentMap<Object, Object> entries;
  private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

  CaffeineCacheAdapter(int maximumSize) {
    if (maximumSize < 1) {
      throw new IllegalArgumentException(
          "the aggregate cache holds at least 1, not " + maximumSize);
    }
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .executor(Runnable::run)
            .removalListener(
                (key, value, cause) -> {
                  if (cause.wasEvicted()) {
                    listeners.forEach(listener -> listener.onEntryExpired(key));
                  }
                })
            .build();
    this.entries = cache.asMap();
  }

  @Override
  public <K, V> V get(K key) {
    Object value = cache.getIfPresent(key);
    if (value != null) {
      listeners.forEach(listener -> listener.onEntryRead(key, value));
    }
    @SuppressWarnings("unchecked")
    V typed = (V) value;
    return typed;
  }

  @Override
  public void put(Object key, Object value) {
    requireValue(key, value);
    Object before = entries.put(key, value);
    for (EntryListener listener : listeners) {
      if (before != null) {
        listener.onEntryUpdated(key, value);
      } else {
        listener.onEntryCreated(key, value);
      }
    }
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    requireValue(key, value);
    if (entries.putIfAbsent(key, value) != null) {
      return false;
    }
    listeners.forEach(listener -> listener.onEntryCreated(key, value));
    return true;
  }

  @Override
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    T present = get(key);
    if (present != null) {
      return present;
    }
    T value = valueSupplier.get();
    if (value == null) {
      throw new IllegalStateException("the value supplier gave no value for " + key);
    }
    put(key, value);
    return value;
  }

  @Override
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    boolean[] present = {false};
    Object updated =
        entries.computeIfPresent(
            key,
            (k, current) -> {
              present[0] = true;
              @SuppressWarnings("unchecked")
              V typed = (V) current;
              return update.apply(typed);
            });
    if (!present[0]) {
      return;
    }
    for (EntryListener listener : listeners) {
      if (updated == null) {
        listener.onEntryRemoved(key);
      } else {
        listener.onEntryUpdated(key, updated);
      }
    }
  }

  @Override
  public boolean remove(Object key) {
    boolean removed = entries.remove(key) != null;
    if (removed) {
      listeners.forEach(listener -> listener.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public void removeAll() {
    for (Object key : new ArrayList<>(entries.keySet())) {
      remove(key);
    }
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Carries out the maintenance pending, such as evictions writers left to one another. */
  void cleanUp() {
    cache.cleanUp();
  }

  private static void requireValue(Object key, Object value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException("the aggregate cache holds no null key or value");
    }
  }
}
