package nl.partnershipregistry.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** One collection's share: entries and bytes of its documents, and bytes of its indexes. */
  record Share(String collection, long documents, long documentBytes, long indexBytes) {
    long bytes() {
      return documentBytes + indexBytes;
    }
  }

  private StorageBreakdown() {}

  /** The shares of the data file {@code file}, largest first; the file must not be open. */
  static List<Share> of(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      Map<String, long[]> byCollection = new TreeMap<>();
      for (String name : store.getMapNames()) {
        MVMap<Object, Object> map = store.openMap(name);
        long[] counts = measure(map);
        String collection = collectionOf(name);
        long[] share = byCollection.computeIfAbsent(collection, c -> new long[3]);
        if (name.contains("._index_")) {
          share[2] += counts[1];
        } else {
          share[0] += counts[0];
          share[1] += counts[1];
        }
      }
      List<Share> shares = new ArrayList<>();
      byCollection.forEach((c, s) -> shares.add(new Share(c, s[0], s[1], s[2])));
      shares.sort(Comparator.comparingLong(Share::bytes).reversed());
      return shares;
    } finally {
      store.close();
    }
  }

  /** Entries, and the bytes of their keys and values as written. */
  private static long[] measure(MVMap<Object, Object> map) {
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
    return new long[] {entries, bytes};
  }

  /**
   * The collection a map belongs to: its documents ({@code databases.db.name}), its counts ({@code
   * meta.db.name}) and its indexes ({@code db.name._index_...}) are named {@code db.name}.
   */
  private static String collectionOf(String map) {
    int index = map.indexOf("._index_");
    String base = index >= 0 ? map.substring(0, index) : map;
    for (String prefix : List.of("databases.", "meta.")) {
      if (base.startsWith(prefix)) {
        return base.substring(prefix.length());
      }
    }
    return base;
  }
}
