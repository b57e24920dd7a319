package nl.partnershipregistry.api.config;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.h2.api.ErrorCode;
import org.h2.compress.CompressDeflate;
import org.h2.compress.Compressor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data file's pages compressed with DEFLATE at its fastest level (decision 68), each thread
 * using one {@link Deflater} and one {@link Inflater} again for every page.
 *
 * <p>H2 compresses a page with DEFLATE when the store is opened with {@code compressHigh()}, with
 * its own {@link CompressDeflate} at the default level (6), and offers no setting for the level:
 * storing 100,400 events took 166 s at level 6 and 135 s at level 1 (one run each), for a data
 * folder about as small. H2's compressor also makes a new {@code Deflater} for each page it writes
 * and a new {@code Inflater} for each it reads, each with a native zlib state freed later; here one
 * of each a thread is reset instead (which did not change the measured rates beyond the noise). The
 * output is the same format (zlib, as {@code new Deflater(level)} writes it), and the page header
 * names it as H2's DEFLATE: a file so written is read by H2's own {@code CompressDeflate}, and
 * pages written before with LZF or by H2's compressor read as they did.
 *
 * <p>{@link #install} puts this compressor in the store's field for it; when that field is not
 * there (another H2 version), the store keeps H2's own, which writes the same format, slower.
 */
final class PageDeflate implements Compressor {

  /** DEFLATE's fastest level. */
  static final int LEVEL = 1;

  private static final Logger LOG = LoggerFactory.getLogger(PageDeflate.class);

  private final ThreadLocal<Deflater> deflaters =
      ThreadLocal.withInitial(() -> new Deflater(LEVEL));

  private final ThreadLocal<Inflater> inflaters = ThreadLocal.withInitial(Inflater::new);

  /**
   * Makes the store compress the pages it writes with this compressor; returns whether it could.
   * The store must have been opened with {@code compressHigh()}.
   */
  static boolean install(MVStore store) {
    try {
      var field = MVStore.class.getDeclaredField("compressorHigh");
      field.setAccessible(true);
      field.set(store, new PageDeflate());
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "H2's store has no field compressorHigh here; its own DEFLATE compressor is used", e);
      return false;
    }
  }

  @Override
  public int getAlgorithm() {
    return Compressor.DEFLATE;
  }

  @Override
  public void setOptions(String options) {
    // The level is fixed; H2 passes no options to the compressor of a store.
  }

  /**
   * As {@link CompressDeflate#compress}: the end position in {@code out}, which H2 makes twice the
   * input's length, room enough for any input.
   */
  @Override
  public int compress(byte[] in, int inPos, int inLen, byte[] out, int outPos) {
    Deflater deflater = deflaters.get();
    deflater.reset();
    deflater.setInput(in, inPos, inLen);
    deflater.finish();
    int compressed = deflater.deflate(out, outPos, out.length - outPos);
    if (!deflater.finished()) {
      throw new IllegalStateException(
          "a page of " + inLen + " bytes did not fit in " + (out.length - outPos) + " compressed");
    }
    return outPos + compressed;
  }

  @Override
  public void expand(byte[] in, int inPos, int inLen, byte[] out, int outPos, int outLen) {
    Inflater inflater = inflaters.get();
    inflater.reset();
    inflater.setInput(in, inPos, inLen);
    try {
      int length = inflater.inflate(out, outPos, outLen);
      if (length != outLen) {
        throw new DataFormatException(length + " " + outLen);
      }
    } catch (DataFormatException e) {
      throw DataUtils.newMVStoreException(ErrorCode.COMPRESSION_ERROR, e.getMessage(), e);
    }
  }
}
