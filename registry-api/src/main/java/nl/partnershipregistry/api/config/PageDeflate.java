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
 * The data file's pages compressed with DEFLATE at its fastest level, each thread using one {@link
 * Deflater} and one {@link Inflater} again for every page (decision 68).
 *
 * <p>H2 compresses a page with DEFLATE when the store is opened with {@code compressHigh()}; its
 * own {@link CompressDeflate} makes a new {@code Deflater} at the default level (6) for each page
 * it writes and a new {@code Inflater} for each it reads, each with a native zlib state of its own.
 * A page is a few kilobytes, so that setting up cost more than the compressing. The output is the
 * same format (zlib, as {@code new Deflater(level)} writes it), and the page header names it as
 * H2's DEFLATE: a file so written is read by H2's own {@code CompressDeflate}, and pages written
 * before with LZF or by H2's compressor read as they did.
 *
 * <p>H2 offers no setting for the compressor it uses, so {@link #install} puts this one in the
 * store's field for it; when that field is not there (another H2 version), the store keeps H2's
 * own, which writes the same format, slower.
 */
final class PageDeflate implements Compressor {

  /**
   * DEFLATE's fastest level: most of what level 6 gains on these pages, at a fraction of its cost.
   */
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

  /** The compressor the store uses for DEFLATE, for the tests. */
  static Object installed(MVStore store) throws ReflectiveOperationException {
    var field = MVStore.class.getDeclaredField("compressorHigh");
    field.setAccessible(true);
    return field.get(store);
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
