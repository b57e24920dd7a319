package nl.partnershipregistry.api.config;

import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * An MVStore map whose every change is recorded in its store's {@link ChangeJournal}, when the
 * store has one that records: a change is then kept by the journal from the moment it is made until
 * the store's next commit. Every change of an MVMap goes through {@link #operate} (put,
 * putIfAbsent, remove, replace) or {@link #clear}; what is recorded is the key's value after the
 * change, so that replaying the records in their order sets every key to its last value whatever
 * the file already held. What the file holds is H2's: a file written with these maps reads with
 * H2's own, and the other way round.
 */
final class JournaledMap<K, V> extends MVMap<K, V> {

  /**
   * How the names of the maps of the unique indexes look (H2's backend names them {@code
   * <database>.<collection>._index_<name>}).
   */
  static final String INDEX_MAPS = "._index_";

  /** The store's journal, once looked up ({@link ChangeJournal#of}). */
  private ChangeJournal journal;

  private JournaledMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType) {
    super(config, keyType, valueType);
  }

  /**
   * Opens the map {@code name} of a file this backend writes, with the types its name calls for: a
   * collection's documents with {@link DocumentDataType}, a unique index with {@link
   * DurableH2Backend.IndexKeyType}, any other map (a collection's counts) as H2 opens it. The
   * backend's collections and the replay of a journal open maps here alike, so that a map is the
   * same object, of the same types, whichever opens it first.
   */
  static <K, V> MVMap<K, V> open(MVStore store, String name) {
    Builder<K, V> builder = new Builder<>();
    if (name.startsWith(DocumentDataType.DOCUMENT_MAPS)) {
      builder.valueType(new DocumentDataType());
    } else if (name.contains(INDEX_MAPS)) {
      builder.keyType(new DurableH2Backend.IndexKeyType());
    }
    return store.openMap(name, builder);
  }

  @Override
  public V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
    ChangeJournal recording = recording();
    return recording == null
        ? super.operate(key, value, decisionMaker)
        : recording.record(this, key, () -> super.operate(key, value, decisionMaker));
  }

  @Override
  public void clear() {
    ChangeJournal recording = recording();
    if (recording == null) {
      super.clear();
    } else {
      recording.recordClear(this, super::clear);
    }
  }

  /** The store's journal if it records now, or null. */
  private ChangeJournal recording() {
    if (journal == null) {
      journal = ChangeJournal.of(getStore());
      if (journal == null) {
        return null;
      }
    }
    return journal.isRecording() ? journal : null;
  }

  /** Builds {@link JournaledMap}s. */
  private static final class Builder<K, V> extends MVMap.BasicBuilder<MVMap<K, V>, K, V> {

    @Override
    public Builder<K, V> keyType(DataType<? super K> keyType) {
      setKeyType(keyType);
      return this;
    }

    @Override
    public Builder<K, V> valueType(DataType<? super V> valueType) {
      setValueType(valueType);
      return this;
    }

    @Override
    protected MVMap<K, V> create(Map<String, Object> config) {
      Object type = config.get("type");
      if (type != null && !type.equals("rtree")) {
        throw new IllegalArgumentException("Incompatible map type " + type);
      }
      return new JournaledMap<>(config, getKeyType(), getValueType());
    }
  }
}
