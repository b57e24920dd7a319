package nl.partnershipregistry.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache holding the aggregates used last, up to a number: a command to an
 * aggregate in it costs no read of its events. Unlike Axon's {@code WeakReferenceCache}, what it
 * holds does not depend on the garbage collector; unlike an unbounded map, it cannot fill the heap.
 * The aggregate used longest ago leaves first (its listeners hear it expire).
 */
final class RecentAggregatesCache implements Cache {

  private final int capacity;
  private final Map<Object, Object> entries;
  private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

  RecentAggregatesCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the aggregate cache holds at least 1, not " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
  }

  @Override
  public <K, V> V get(K key) {
    Object value;
    synchronized (this) {
      value = entries.get(key);
    }
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
    Object before;
    List<Object> expired;
    synchronized (this) {
      before = entries.put(key, value);
      expired = evict();
    }
    for (EntryListener listener : listeners) {
      if (before != null) {
        listener.onEntryUpdated(key, value);
      } else {
        listener.onEntryCreated(key, value);
      }
    }
    announceExpired(expired);
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    requireValue(key, value);
    List<Object> expired;
    synchronized (this) {
      if (entries.containsKey(key)) {
        return false;
      }
      entries.put(key, value);
      expired = evict();
    }
    listeners.forEach(listener -> listener.onEntryCreated(key, value));
    announceExpired(expired);
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
    Object updated;
    synchronized (this) {
      @SuppressWarnings("unchecked")
      V current = (V) entries.get(key);
      if (current == null) {
        return;
      }
      updated = update.apply(current);
      if (updated == null) {
        entries.remove(key);
      } else {
        entries.put(key, updated);
      }
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
    boolean removed;
    synchronized (this) {
      removed = entries.remove(key) != null;
    }
    if (removed) {
      listeners.forEach(listener -> listener.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public void removeAll() {
    List<Object> keys;
    synchronized (this) {
      keys = new ArrayList<>(entries.keySet());
      entries.clear();
    }
    for (Object key : keys) {
      listeners.forEach(listener -> listener.onEntryRemoved(key));
    }
  }

  @Override
  public synchronized boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Takes out the entries beyond the capacity, used longest ago first; called holding the lock. */
  private List<Object> evict() {
    if (entries.size() <= capacity) {
      return List.of();
    }
    List<Object> expired = new ArrayList<>();
    var eldest = entries.keySet().iterator();
    while (entries.size() > capacity) {
      expired.add(eldest.next());
      eldest.remove();
    }
    return expired;
  }

  private void announceExpired(List<Object> keys) {
    for (Object key : keys) {
      listeners.forEach(listener -> listener.onEntryExpired(key));
    }
  }

  private static void requireValue(Object key, Object value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException("the aggregate cache holds no null key or value");
    }
  }
}
