package nl.partnershipregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;

class PacedClaimExtensionsTest {

  /** A token store that records the writes asked of it, and may refuse to extend a claim. */
  private static final class Recording implements TokenStore {
    final List<String> writes = new ArrayList<>();
    boolean claimLost;

    @Override
    public void extendClaim(String processorName, int segment) {
      if (claimLost) {
        throw new UnableToClaimTokenException("claimed by another instance");
      }
      writes.add("extend " + processorName + " " + segment);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
      writes.add("store " + processorName + " " + segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
      writes.add("fetch " + processorName + " " + segment);
      return new GlobalSequenceTrackingToken(7);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
      writes.add("release " + processorName + " " + segment);
    }

    @Override
    public int[] fetchSegments(String processorName) {
      return new int[] {0};
    }
  }

  private final Recording store = new Recording();
  private final AtomicLong now = new AtomicLong();
  private final PacedClaimExtensions paced = new PacedClaimExtensions(store, now::get);

  private void later(long millis) {
    now.addAndGet(millis * 1_000_000L);
  }

  @Test
  void an_idle_processor_extending_its_claim_every_50_ms_writes_it_once_every_two_seconds() {
    paced.fetchToken("views", 0);
    for (int wait = 0; wait < 100; wait++) {
      later(50);
      paced.extendClaim("views", 0);
    }
    // Five seconds of waits: the claim written when fetched, then at 2.0 s and at 4.0 s.
    assertThat(store.writes).containsExactly("fetch views 0", "extend views 0", "extend views 0");
  }

  @Test
  void a_stored_token_counts_as_an_extension_and_each_segment_is_paced_on_its_own() {
    paced.storeToken(new GlobalSequenceTrackingToken(3), "views", 0);
    later(1_000);
    paced.extendClaim("views", 0);
    paced.extendClaim("views", 1);
    paced.extendClaim("other", 0);
    assertThat(store.writes).containsExactly("store views 0", "extend views 1", "extend other 0");
  }

  @Test
  void a_released_claim_is_written_at_the_next_extension() {
    paced.fetchToken("views", 0);
    paced.releaseClaim("views", 0);
    paced.extendClaim("views", 0);
    assertThat(store.writes).containsExactly("fetch views 0", "release views 0", "extend views 0");
  }

  @Test
  void a_claim_lost_to_another_instance_is_told_at_the_next_extension_that_writes() {
    paced.fetchToken("views", 0);
    store.claimLost = true;
    later(1_999);
    paced.extendClaim("views", 0);
    later(1);
    assertThatThrownBy(() -> paced.extendClaim("views", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
  }
}
