package nl.partnershipregistry.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.partnershipregistry.api.config.DocumentDataType;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;

/**
 * What a closed file-backend data file holds, collection by collection: its entries and the bytes
 * their keys and values take as the store writes them, before pages, chunks and free space. Maps
 * are grouped by the collection they belong to (a collection's documents and its indexes).
 */
final class StorageBreakdown {

  /** What the embedded server puts between a collection's name and an index's in a map's name. */
  private static final String INDEX = "._index_";

  /** One collection's share: entries and bytes of its documents, and bytes of its indexes. */
  record Share(String collection, long documents, long documentBytes, long indexBytes) {
    long bytes() {
      return documentBytes + indexBytes;
    }

    Share plus(Share other) {
      return new Share(
          collection,
          documents + other.documents,
          documentBytes + other.documentBytes,
          indexBytes + other.indexBytes);
    }
  }

  private StorageBreakdown() {}

  /** The shares of the data file {@code file}, largest first; the file must not be open. */
  static List<Share> of(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      Map<String, Share> byCollection = new TreeMap<>();
      for (String name : store.getMapNames()) {
        Share share = measure(name, DocumentDataType.openMap(store, name));
        byCollection.merge(share.collection(), share, Share::plus);
      }
      List<Share> shares = new ArrayList<>(byCollection.values());
      shares.sort(Comparator.comparingLong(Share::bytes).reversed());
      return shares;
    } finally {
      store.close();
    }
  }

  /**
   * The map's share of its collection: for its documents, their count and the bytes of their keys
   * and values as written; for an index, the bytes of its entries.
   */
  private static Share measure(String name, MVMap<Object, Object> map) {
    DataType<Object> keys = map.getKeyType();
    DataType<Object> values = map.getValueType();
    WriteBuffer buffer = new WriteBuffer(1 << 16);
    long entries = 0;
    long bytes = 0;
    for (Map.Entry<Object, Object> entry : map.entrySet()) {
      buffer.clear();
      keys.write(buffer, entry.getKey());
      values.write(buffer, entry.getValue());
      bytes += buffer.position();
      entries++;
    }
    String collection = collectionOf(name);
    return name.contains(INDEX)
        ? new Share(collection, 0, 0, bytes)
        : new Share(collection, entries, bytes, 0);
  }

  /**
   * The collection a map belongs to: its documents ({@code databases.db.name}, written as BSON:
   * {@link DocumentDataType}), its counts ({@code meta.db.name}) and its indexes ({@code
   * db.name._index_...}) are named {@code db.name}.
   */
  private static String collectionOf(String map) {
    int index = map.indexOf(INDEX);
    String base = index >= 0 ? map.substring(0, index) : map;
    for (String prefix : List.of("databases.", "meta.")) {
      if (base.startsWith(prefix)) {
        return base.substring(prefix.length());
      }
    }
    return base;
  }
}
