package nl.partnershipregistry.core.partnership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.pcollections.ConsPStack;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PStack;

/**
 * An immutable register of the fold's state: a partnership's commitments, funding, activities,
 * cohorts or key persons by their identifiers, in the order they were first defined; a change gives
 * a new register and leaves this one as it was. Most partnerships define a few of each, so a small
 * register is two arrays copied at each change (less to allocate than a persistent tree); past
 * {@value #SMALL} entries it shares what a change leaves alone (a persistent hash map for the
 * entries and a persistent stack of the identifiers, newest first, for their order), so that a
 * history defining thousands costs about its length to walk, not its square.
 */
abstract sealed class Register<K, V> {

  /** The most entries a register keeps in arrays. */
  static final int SMALL = 16;

  private static final Register<?, ?> EMPTY = new Small<>(new Object[0], new Object[0]);

  @SuppressWarnings("unchecked")
  static <K, V> Register<K, V> empty() {
    return (Register<K, V>) EMPTY;
  }

  /** The entry under {@code key}, or null. */
  abstract V get(K key);

  /** The register with {@code value} under {@code key}; a key already there keeps its place. */
  abstract Register<K, V> with(K key, V value);

  /** The entries in the order they were first defined. */
  abstract List<V> values();

  private static final class Small<K, V> extends Register<K, V> {
    private final Object[] keys;
    private final Object[] values;

    private Small(Object[] keys, Object[] values) {
      this.keys = keys;
      this.values = values;
    }

    private int indexOf(K key) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    V get(K key) {
      int index = indexOf(key);
      return index < 0 ? null : (V) values[index];
    }

    @Override
    @SuppressWarnings("unchecked")
    Register<K, V> with(K key, V value) {
      int index = indexOf(key);
      if (index >= 0) {
        Object[] changed = values.clone();
        changed[index] = value;
        return new Small<>(keys, changed);
      }
      if (keys.length == SMALL) {
        Large<K, V> large = new Large<>(HashTreePMap.empty(), ConsPStack.empty());
        for (int i = 0; i < keys.length; i++) {
          large = large.with((K) keys[i], (V) values[i]);
        }
        return large.with(key, value);
      }
      Object[] moreKeys = Arrays.copyOf(keys, keys.length + 1);
      Object[] moreValues = Arrays.copyOf(values, values.length + 1);
      moreKeys[keys.length] = key;
      moreValues[values.length] = value;
      return new Small<>(moreKeys, moreValues);
    }

    @Override
    @SuppressWarnings("unchecked")
    List<V> values() {
      return (List<V>) List.of(values);
    }
  }

  private static final class Large<K, V> extends Register<K, V> {
    private final PMap<K, V> entries;
    private final PStack<K> newestFirst;

    private Large(PMap<K, V> entries, PStack<K> newestFirst) {
      this.entries = entries;
      this.newestFirst = newestFirst;
    }

    @Override
    V get(K key) {
      return entries.get(key);
    }

    @Override
    Large<K, V> with(K key, V value) {
      boolean known = entries.containsKey(key);
      return new Large<>(entries.plus(key, value), known ? newestFirst : newestFirst.plus(key));
    }

    @Override
    List<V> values() {
      List<V> inOrder = new ArrayList<>(entries.size());
      for (K key : newestFirst) {
        inOrder.add(entries.get(key));
      }
      Collections.reverse(inOrder);
      return Collections.unmodifiableList(inOrder);
    }
  }
}
