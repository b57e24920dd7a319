package nl.partnershipregistry.api.config;

import java.util.Map;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

/**
 * H2's store of one file, which tells the thread committing the store when the commit has taken the
 * version it writes, so that write commands can go on while its pages are written (decision 75).
 *
 * <p>H2 commits in two parts, both on the committing thread and under the store's own lock: it
 * takes the root of every map and begins the next version ({@code MVStore.storeNow}), then
 * serializes the changed pages of the version taken, compresses them and writes them to the file as
 * a chunk ({@code FileStore.serializeAndStore}). A map changed during the second part changes the
 * next version only, its pages copied on write, as when H2 commits in the background. The second
 * part begins by asking its file store for a buffer to serialize into ({@link #getWriteBuffer}),
 * which H2 (2.3.232) asks for nowhere else: the action the committing thread set with {@link
 * #onCut} runs then, once, on that thread.
 */
final class CommitCutFileStore extends SingleFileStore {

  /** What the committing thread runs once its commit has taken its version. */
  private final ThreadLocal<Runnable> atCut = new ThreadLocal<>();

  /**
   * @param config H2's settings of a file store: {@code cacheSize} (MB) and {@code
   *     autoCompactFillRate} (%)
   */
  CommitCutFileStore(Map<String, Object> config) {
    super(config);
  }

  /**
   * Runs {@code action} on this thread once its next commit has taken the version it writes, or
   * never if that commit has nothing to write; {@code null} forgets the action set before. The
   * action runs inside H2's commit and must not throw.
   */
  void onCut(Runnable action) {
    if (action == null) {
      atCut.remove();
    } else {
      atCut.set(action);
    }
  }

  @Override
  public WriteBuffer getWriteBuffer() {
    Runnable action = atCut.get();
    if (action != null) {
      atCut.remove();
      action.run();
    }
    return super.getWriteBuffer();
  }
}
