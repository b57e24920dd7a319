package nl.partnershipregistry.api.config;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/**
 * A token store that extends a processor's claim on a segment at most once every {@value
 * #EXTEND_EVERY_MILLIS} ms; everything else is the wrapped store's.
 *
 * <p>A tracking processor with nothing to do extends its claim each time its wait for a new event
 * ends: every 50 ms for the read models' processor ({@code ProjectionConfiguration}), which waits
 * no longer so that a rebuild can stop it at once. That was twenty writes a second to the tokens'
 * collection of a registry nobody used: a commit of the data file every second, and a file never
 * idle, so never compacted as one (decision 71). A claim lapses after the token store's claim
 * timeout (axon-mongo's default: 10 s); a claim extended, fetched or stored in the last {@value
 * #EXTEND_EVERY_MILLIS} ms is left as it is, and one lost to another instance is found out at the
 * next extension that writes, at most that much later.
 */
final class PacedClaimExtensions implements TokenStore {

  /** How often a claim is extended at most, in milliseconds: a fifth of the claim timeout. */
  static final long EXTEND_EVERY_MILLIS = 2_000;

  private final TokenStore store;
  private final LongSupplier nanoTime;

  /** When this instance last wrote each claim it holds ({@link #nanoTime}), by segment. */
  private final ConcurrentMap<String, Long> written = new ConcurrentHashMap<>();

  PacedClaimExtensions(TokenStore store) {
    this(store, System::nanoTime);
  }

  /** The same, reading the time from {@code nanoTime} (for the tests). */
  PacedClaimExtensions(TokenStore store, LongSupplier nanoTime) {
    this.store = store;
    this.nanoTime = nanoTime;
  }

  private static String key(String processorName, int segment) {
    return processorName + '\u0000' + segment;
  }

  /** Notes that the wrapped store has just written the claim (extended, fetched or stored). */
  private void written(String processorName, int segment) {
    written.put(key(processorName, segment), nanoTime.getAsLong());
  }

  @Override
  public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
    String key = key(processorName, segment);
    long now = nanoTime.getAsLong();
    Long last = written.get(key);
    if (last != null && now - last < EXTEND_EVERY_MILLIS * 1_000_000L) {
      return;
    }
    store.extendClaim(processorName, segment);
    written(processorName, segment);
  }

  @Override
  public void storeToken(TrackingToken token, String processorName, int segment)
      throws UnableToClaimTokenException {
    store.storeToken(token, processorName, segment);
    written(processorName, segment);
  }

  @Override
  public TrackingToken fetchToken(String processorName, int segment)
      throws UnableToClaimTokenException {
    TrackingToken token = store.fetchToken(processorName, segment);
    written(processorName, segment);
    return token;
  }

  @Override
  public TrackingToken fetchToken(String processorName, Segment segment)
      throws UnableToClaimTokenException {
    TrackingToken token = store.fetchToken(processorName, segment);
    written(processorName, segment.getSegmentId());
    return token;
  }

  @Override
  public void releaseClaim(String processorName, int segment) {
    written.remove(key(processorName, segment));
    store.releaseClaim(processorName, segment);
  }

  @Override
  public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
    written.remove(key(processorName, segment));
    store.deleteToken(processorName, segment);
  }

  @Override
  public void initializeTokenSegments(String processorName, int segmentCount)
      throws UnableToClaimTokenException {
    store.initializeTokenSegments(processorName, segmentCount);
  }

  @Override
  public void initializeTokenSegments(
      String processorName, int segmentCount, TrackingToken initialToken)
      throws UnableToClaimTokenException {
    store.initializeTokenSegments(processorName, segmentCount, initialToken);
  }

  @Override
  public void initializeSegment(TrackingToken token, String processorName, int segment) {
    store.initializeSegment(token, processorName, segment);
  }

  @Override
  public boolean requiresExplicitSegmentInitialization() {
    return store.requiresExplicitSegmentInitialization();
  }

  @Override
  public int[] fetchSegments(String processorName) {
    return store.fetchSegments(processorName);
  }

  @Override
  public List<Segment> fetchAvailableSegments(String processorName) {
    return store.fetchAvailableSegments(processorName);
  }

  @Override
  public Optional<String> retrieveStorageIdentifier() {
    return store.retrieveStorageIdentifier();
  }
}
