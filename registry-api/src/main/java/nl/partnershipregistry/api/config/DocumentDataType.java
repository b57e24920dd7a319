package nl.partnershipregistry.api.config;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the file backend writes a collection's documents: as BSON, the bytes a client sends and
 * receives them in, rather than as H2's serialized Java objects (decision 63).
 *
 * <p>H2's {@link ObjectDataType} writes a document with Java's object serialization, which repeats
 * the description of every class a document holds (the document, its map, each kind of value) in
 * every document, and reads and writes through reflection. At 100,000 events the store's documents
 * took 1,347 bytes an event that way (the events' JSON 358), and serializing them was most of the
 * thread that writes the file's pages.
 *
 * <p>A document is written as a tag of its own ({@value #BSON_DOCUMENT}, one H2 does not use)
 * followed by its BSON; everything else, and a document holding a value BSON has no type for, is
 * written as H2 writes it, so files written before read as they were. A document read back is the
 * one the server would have sent over the wire: a map other than a document comes back as a
 * document, a collection as a list, a time to the millisecond, as a client sees them anyway.
 *
 * <p>A file holding documents written so can be read only through this type: by this backend, and
 * by a tool that opens the file's maps with {@link #openMap}. H2's own backend, and this registry
 * before decision 63, cannot read them.
 *
 * <p><b>Encoded once.</b> A document the journal records ({@link #writeRecorded}) is encoded for
 * its record, and its BSON kept until the commit writes the page that holds it, which writes those
 * bytes rather than encoding the document again (decision 77). A document put in a map is never
 * changed afterwards (updates put a changed copy, {@link KeyedCollection}), so its BSON at its
 * record is its BSON at its commit. The bytes of a document replaced or removed before its page was
 * written are dropped with it; a document the bytes were not kept for is encoded as before.
 */
public final class DocumentDataType extends ObjectDataType {

  /**
   * How the names of the maps holding a collection's documents begin (H2's backend names them
   * {@code databases.<database>.<collection>}).
   */
  static final String DOCUMENT_MAPS = "databases.";

  /** The tag of a document written as BSON; H2's own tags are 0 to 119. */
  static final byte BSON_DOCUMENT = 120;

  /** The BSON of the document being written, a buffer kept per thread. */
  private static final ThreadLocal<ByteBuf> ENCODING =
      ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

  /**
   * H2's estimate of the memory a document takes, which also decides where a page of documents
   * splits when one is added: as H2's own for serialized objects, twice the bytes of the documents
   * written and read, a moving average, starting high (a collection's first documents are not
   * packed into one page that every later write to any of them rewrites whole).
   */
  private volatile int averageMemory = 10_000;

  /**
   * The BSON of the documents the journal recorded since its last cut whose pages were not written
   * since, by the documents' identity.
   */
  private volatile Map<Document, byte[]> recorded = keptBytes();

  /**
   * The same, of those recorded before that cut: the commit that took them is writing them.
   * Whatever it did not write when the next cut comes is dropped, so that what is kept stays
   * bounded.
   */
  private volatile Map<Document, byte[]> recordedBefore = keptBytes();

  /** The journal's cut the documents in {@link #recorded} were recorded after. */
  private long cut;

  /**
   * Opens the map {@code name} of a file this backend writes: a collection's documents with this
   * type, any other map as H2 opens it.
   */
  public static <K, V> MVMap<K, V> openMap(MVStore store, String name) {
    return name.startsWith(DOCUMENT_MAPS)
        ? store.openMap(name, new MVMap.Builder<K, V>().valueType(new DocumentDataType()))
        : store.openMap(name);
  }

  @Override
  public void write(WriteBuffer buffer, Object object) {
    if (object instanceof Document document) {
      byte[] kept = keptFor(document);
      if (kept != null) {
        seen(kept.length);
        buffer.put(BSON_DOCUMENT).put(kept);
        return;
      }
      ByteBuf bson = ENCODING.get().clear();
      try {
        BsonEncoder.encodeDocument(document, bson);
      } catch (IllegalArgumentException | ClassCastException unknownType) {
        // A value BSON has no type for: the document is written as H2 writes it.
        super.write(buffer, object);
        return;
      }
      seen(bson.readableBytes());
      buffer.put(BSON_DOCUMENT).put(bson.nioBuffer());
      return;
    }
    super.write(buffer, object);
  }

  private static Map<Document, byte[]> keptBytes() {
    return Collections.synchronizedMap(new IdentityHashMap<>());
  }

  /** The bytes kept for a document, once: its page is being written. */
  private byte[] keptFor(Document document) {
    Map<Document, byte[]> after = recorded;
    Map<Document, byte[]> before = recordedBefore;
    if (after.isEmpty() && before.isEmpty()) {
      return null;
    }
    byte[] kept = after.remove(document);
    return kept != null ? kept : before.remove(document);
  }

  /**
   * Writes a map's value for the journal's record of a change, as {@link #write} does, keeping a
   * document's BSON for the page that will hold it. {@code before} is the value the change replaced
   * or removed, whose bytes, if kept, are no longer needed; {@code journalCut} counts the journal's
   * cuts (the versions its commits took). Called by the journal, one change at a time.
   */
  void writeRecorded(WriteBuffer buffer, Object value, Object before, long journalCut) {
    if (journalCut != cut) {
      recordedBefore = journalCut == cut + 1 ? recorded : keptBytes();
      recorded = keptBytes();
      cut = journalCut;
    }
    if (before instanceof Document replaced && replaced != value) {
      recorded.remove(replaced);
      recordedBefore.remove(replaced);
    }
    if (value == null) {
      return;
    }
    int start = buffer.position();
    write(buffer, value);
    if (value instanceof Document document && buffer.getBuffer().get(start) == BSON_DOCUMENT) {
      ByteBuffer written = buffer.getBuffer();
      byte[] bson = new byte[written.position() - start - 1];
      written.get(start + 1, bson);
      recorded.put(document, bson);
    }
  }

  /** Drops the bytes kept for the documents of a map emptied. */
  void cleared() {
    recorded.clear();
    recordedBefore.clear();
  }

  /** How many documents' bytes are kept. */
  int kept() {
    return recorded.size() + recordedBefore.size();
  }

  @Override
  public Object read(ByteBuffer buffer) {
    int at = buffer.position();
    if (buffer.get(at) != BSON_DOCUMENT) {
      return super.read(buffer);
    }
    // BSON begins with its own length, little-endian.
    int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(at + 1);
    ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(at + 1, length));
    buffer.position(at + 1 + length);
    seen(length);
    return BsonDecoder.decodeBson(bson);
  }

  private void seen(int length) {
    averageMemory = (int) ((2L * length + 15L * averageMemory) / 16);
  }

  @Override
  public int getMemory(Object object) {
    return object instanceof Document ? averageMemory : super.getMemory(object);
  }
}
