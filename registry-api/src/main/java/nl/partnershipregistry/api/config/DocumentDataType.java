package nl.partnershipregistry.api.config;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
