package nl.partnershipregistry.api.config;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RandomAccessStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's file backend (H2's MVStore under mongo-java-server's H2 backend), made to
 * keep what it acknowledges and to find keys quickly.
 *
 * <p><b>Durable.</b> H2's store otherwise writes changes to its file about once a second, so a
 * process killed right after an acknowledged append could lose it. Here every write command's
 * changes are written to a journal beside the file before its reply goes out ({@link
 * ChangeJournal}), and the store is committed about once a second, between commands, after which
 * the journal is emptied; at opening, what the journal holds is applied to the store (decision 70).
 * The files are not forced to the disk, so the guarantee covers a killed process, not a power cut.
 *
 * <p><b>Consistent reads.</b> Each command holds on to the version of the store it started on (see
 * {@link #handleCommand}).
 *
 * <p><b>Keys.</b> The unique indexes are MVStore maps whose keys H2 stores as serialized Java
 * objects and orders by those bytes, serializing both keys again for every comparison of a lookup:
 * with 100,000 events, that was over half of the server's time. Here the index maps compare keys by
 * the same bytes, kept for each key while the key is in use ({@link IndexKeyType}); what is written
 * to the file, and the order of the keys in it, are H2's, so files written before read the same. A
 * query by {@code _id} skips the index: H2 keeps each document under its {@code _id}, so the
 * documents' map answers it in one lookup ({@link KeyedCollection}).
 *
 * <p><b>Small.</b> Documents are written as BSON ({@link DocumentDataType}), pages compressed as
 * they are written (H2's LZF, or DEFLATE with {@code registry.embedded.compression=small}, {@link
 * PageDeflate}); both read what was written before. The space of a chunk no longer needed is used
 * again at once ({@link #RETENTION_MILLIS}, {@link #VERSIONS_KEPT}); the file is compacted and
 * shortened while it is written ({@link Compactor}) and at opening and closing ({@link #compact}).
 */
final class DurableH2Backend extends H2Backend {

  /** MVStore's page cache, in MB (H2's default is 16). */
  static final int CACHE_MEGABYTES = 64;

  /**
   * Keys per page of MVStore's B-trees (H2's default is 48). A commit writes every page it changed
   * whole, so a new document at the end of a collection rewrites the documents sharing its page.
   */
  static final int KEYS_PER_PAGE = 16;

  /**
   * The share of live data in the file below which MVStore compacts it of its own accord (H2's
   * default is 90). Its background thread, which did, is off since decision 70 (the store is
   * committed only here); it was set to 50 when each write was committed, leaving many small, soon
   * half-dead chunks that compacting toward 90 % kept rewriting.
   */
  static final int COMPACT_BELOW_PERCENT = 50;

  /**
   * How long a chunk no longer needed is kept before its space is written over (H2's default is 45
   * seconds). H2 keeps them in case the disk has not yet written the newer chunks when the power
   * fails; this backend does not force its writes to the disk (a killed process loses nothing, a
   * power cut may), and a commit per write made chunks by the thousand a minute, so that 45 seconds
   * of them were most of the file while the registry ran (before decision 70). A chunk a running
   * command still reads is kept whatever this says (see {@link #handleCommand}).
   */
  static final int RETENTION_MILLIS = 0;

  /**
   * Versions of the store kept for reading after newer ones are committed (H2's default is 5). A
   * chunk emptied by a commit or by compaction is freed only once no version kept can need it: with
   * five kept it waited for five more commits, which an idle registry may not make for a long time,
   * and emptied chunks were most of the dead space while it stood still. A running command keeps
   * the version it reads whatever this says (see {@link #handleCommand}).
   */
  static final int VERSIONS_KEPT = 0;

  /** The share of live data in each chunk that compaction at opening and closing aims for. */
  static final int COMPACT_TO_PERCENT = 90;

  /** The longest a compaction at opening or closing may take, in milliseconds. */
  static final int COMPACTION_MILLIS = 60_000;

  /**
   * The map in which a compaction at opening or closing notes when it began, so as to write two
   * versions of its own before it rewrites chunks ({@link #compact(MVStore, long)}). No database's
   * maps are named so (a database's name holds no colon).
   */
  static final String COMPACTIONS = "backend:compactions";

  /** Rounds of compaction in a row that gain nothing after which it stops. */
  static final int ROUNDS_WITHOUT_GAIN = 3;

  /** How much of the file one step of a compaction rewrites, in bytes. */
  private static final int COMPACTION_STEP = 16 * 1024 * 1024;

  /** The write commands whose changes are recorded in the journal before their reply. */
  private static final Set<String> JOURNALED =
      Set.of("insert", "update", "delete", "findandmodify");

  /**
   * The write commands that change collections or indexes: each runs alone and is committed to the
   * file before its reply ({@link ChangeJournal#commitAlone}).
   */
  private static final Set<String> ALONE =
      Set.of("createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

  /**
   * How often the store is committed while the registry writes, in milliseconds: the changes
   * between two commits are in the journal ({@link ChangeJournal}).
   */
  static final long COMMIT_PERIOD_MILLIS = 1_000;

  /**
   * The bytes of changes in the journal at which the store is committed before its period is up
   * (storing in bulk), so that the changes held in memory stay a few MB.
   */
  static final long COMMIT_JOURNAL_BYTES = 8L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DurableH2Backend.class);

  /**
   * The share of live data in the file's chunks below which the file is compacted while the
   * registry writes ({@link Compactor}). Storing in bulk leaves 36 to 47 % live, below it. It was
   * 70 %, as on an idle file: on the file of a million events, which stays near 55 % whatever is
   * rewritten (decision 63), two writers then had the compactor rewriting about 1.5 MB a second
   * without gain, and every question's p99 was a fifth to a half higher than without it (decision
   * 69).
   */
  static final int COMPACT_WRITING_BELOW_PERCENT = 50;

  /**
   * The share of live data in the file's chunks below which an idle file is compacted ({@link
   * Compactor}): once the writes stop, the compactor goes on to this share (or rests, decision 67).
   */
  static final int COMPACT_IDLE_BELOW_PERCENT = 70;

  /**
   * Steps in a row finding the file idle (at most one change recorded since the step before) after
   * which it is compacted as idle ({@link #COMPACT_IDLE_BELOW_PERCENT}): two writers leave single
   * quiet steps between their writes, and five in a row rarely.
   */
  static final int IDLE_STEPS_BEFORE_IDLE_COMPACTION = 5;

  /** How often the compactor looks at the file's share of live data, in milliseconds. */
  static final long COMPACTION_PERIOD_MILLIS = 50;

  /**
   * The live data one step of the compactor rewrites at most, in bytes (compressed, as in the
   * file). A step runs alone ({@link ChangeJournal#commitAlone}), so a write command waits for it:
   * about 10 ms.
   */
  static final int COMPACTION_STEP_BYTES = 256 * 1024;

  /**
   * How far below its threshold the file's share of live data must be for the compactor to take
   * larger steps ({@link #COMPACTION_STEP_BYTES_BEHIND}), in percentage points.
   */
  static final int BEHIND_BY_PERCENT = 10;

  /**
   * The live data one step rewrites at most when the file is {@value #BEHIND_BY_PERCENT} points or
   * more below its threshold (storing in bulk), in bytes: four times the other step, alone. With
   * the journal the registry stores 2.4 times as fast, and in steps of 256 KB the file of a million
   * events stored in bulk reached 7.0 times the events' JSON, 4.9 times in steps of 1 MB (decision
   * 70). Steps taken more often instead (every 10 ms) left it larger: each step is a commit, and so
   * a chunk.
   */
  static final int COMPACTION_STEP_BYTES_BEHIND = 4 * COMPACTION_STEP_BYTES;

  /**
   * The most one step rewrites while the registry writes, in bytes. H2 rewrites a chunk whole or
   * not at all, and only within a step's bytes: a commit of a second's writes in bulk is a chunk of
   * megabytes, whose live pages a step of {@value #COMPACTION_STEP_BYTES_BEHIND} bytes could never
   * take. A step that found no chunk within its bytes is followed by one of twice as many, up to
   * this; the size that found one is kept until the file is above its threshold again.
   */
  static final int COMPACTION_STEP_BYTES_MOST = 8 * 1024 * 1024;

  /**
   * The live data one step rewrites at most on an idle file, in bytes: nothing waits for it, and
   * chunks written in bulk are taken whole at once (with steps of at most 1 MB, the file of a
   * million events stored in bulk stayed at 4.7 times the events' JSON for a minute idle, its
   * chunks 44 % live).
   */
  static final int IDLE_COMPACTION_STEP_BYTES = 16 * 1024 * 1024;

  /**
   * The share of the file taken by chunks below which the compactor moves chunks from its end into
   * the free space before them and shortens it ({@link Compactor}).
   */
  static final int MOVE_CHUNKS_BELOW_PERCENT = 80;

  /** How often the compactor moves chunks at most, in milliseconds. */
  static final long MOVE_PERIOD_MILLIS = 1_000;

  /**
   * The chunks one step of the compactor moves at most, in bytes. A step holds the store's lock
   * while it copies them (a few milliseconds here); a chunk larger than this is not moved.
   */
  static final int MOVE_STEP_BYTES = 4 * 1024 * 1024;

  /**
   * The chunks one step moves at most on an idle file, in bytes: nothing waits for it, and a chunk
   * written by an idle step is up to {@value #IDLE_COMPACTION_STEP_BYTES} bytes.
   */
  static final int IDLE_MOVE_STEP_BYTES = 4 * IDLE_COMPACTION_STEP_BYTES;

  /**
   * Steps in a row without gain on an idle file (at most one commit between two steps) after which
   * the compactor rests ({@link Compactor}): on a file of a million events it went on rewriting the
   * same chunks without shortening the file or raising its share of live data, a tenth of a core
   * while nothing was written.
   */
  static final int IDLE_STEPS_WITHOUT_GAIN = 20;

  /** How long the compactor rests on an idle file it could not improve, in milliseconds. */
  static final long IDLE_REST_MILLIS = 10_000;

  private final ChangeJournal journal;
  private final Compactor compactor;

  DurableH2Backend(String fileName) {
    this(fileName, RegistryProperties.Compression.FAST);
  }

  DurableH2Backend(String fileName, RegistryProperties.Compression compression) {
    this(open(fileName, compression));
  }

  private DurableH2Backend(Opened opened) {
    super(opened.store());
    journal = opened.journal();
    compactor = new Compactor(getMvStore(), journal);
  }

  /** A store opened, with its journal replayed into it. */
  private record Opened(MVStore store, ChangeJournal journal) {}

  /** The journal beside the data file {@code registry.mv}: {@code registry.journal}. */
  static Path journalOf(String fileName) {
    Path file = Path.of(fileName);
    String name = file.getFileName().toString();
    String base = name.endsWith(".mv") ? name.substring(0, name.length() - 3) : name;
    return file.resolveSibling(base + ".journal");
  }

  private static Opened open(String fileName, RegistryProperties.Compression compression) {
    MVStore store = openAsItIs(fileName, compression);
    ChangeJournal journal = ChangeJournal.open(journalOf(fileName), store);
    Compaction compaction = compact(store);
    if (compaction.before() > compaction.after()) {
      LOG.info(
          "The data file was compacted from {} to {} bytes at opening ({} rounds{})",
          compaction.before(),
          compaction.after(),
          compaction.rounds(),
          compaction.outOfTime() ? ", stopped at the time limit" : "");
    }
    // Compaction may meet H2's failed check (see compact), and H2 then closes the store as after a
    // crash: the file is sound, so it is opened again, as it is.
    if (store.isClosed()) {
      journal.close();
      store = openAsItIs(fileName, compression);
      journal = ChangeJournal.open(journalOf(fileName), store);
    }
    journal.start();
    return new Opened(store, journal);
  }

  static MVStore openAsItIs(String fileName) {
    return openAsItIs(fileName, RegistryProperties.Compression.FAST);
  }

  /**
   * Opens the file as it is. Pages are compressed as they are written, with LZF or, for {@link
   * RegistryProperties.Compression#SMALL}, with DEFLATE ({@link PageDeflate}); each page's header
   * names how, so pages written either way read alike.
   */
  static MVStore openAsItIs(String fileName, RegistryProperties.Compression compression) {
    // The file's store, as H2 would open it for the file name, telling a commit's cut (decision
    // 75); an adopted store is closed with the MVStore. Its cache and compaction threshold are the
    // file store's settings, read from here only (the MVStore's builder would pass them to a file
    // store it opened itself).
    Map<String, Object> config = new HashMap<>();
    config.put("cacheSize", CACHE_MEGABYTES);
    config.put("autoCompactFillRate", COMPACT_BELOW_PERCENT);
    CommitCutFileStore fileStore = new CommitCutFileStore(config);
    fileStore.open(fileName, false, (char[]) null);
    MVStore.Builder builder =
        new MVStore.Builder()
            .adoptFileStore(fileStore)
            .keysPerPage(KEYS_PER_PAGE)
            // Committed by this backend only, at a command's bounds (ChangeJournal), never by H2
            // in the background or when its unsaved changes grow.
            .autoCommitDisabled()
            .autoCommitBufferSize(0);
    MVStore store =
        compression == RegistryProperties.Compression.SMALL
            ? builder.compressHigh().open()
            : builder.compress().open();
    // Pages written with DEFLATE before (the setting may change between starts) read with it too.
    PageDeflate.install(store);
    store.setRetentionTime(RETENTION_MILLIS);
    store.setVersionsToKeep(VERSIONS_KEPT);
    return store;
  }

  /**
   * Rewrites the live pages of every chunk that is partly dead, moves the chunks to the start of
   * the file and cuts off its end, so that the file holds little more than its live data. H2 does
   * this in the background only below {@link #COMPACT_BELOW_PERCENT} live data, and its own close
   * not at all; so it is done here when nothing else uses the store: at opening (a file left large
   * by a process that was killed) and at closing.
   */
  static Compaction compact(MVStore store) {
    return compact(store, COMPACTION_MILLIS);
  }

  /** {@link #compact(MVStore)} within the given time. */
  static Compaction compact(MVStore store, long millis) {
    if (store.isClosed() || !(store.getFileStore() instanceof RandomAccessStore file)) {
      return new Compaction(0, 0, 0, false);
    }
    long before = file.size();
    int retention = store.getRetentionTime();
    long versions = store.getVersionsToKeep();
    // A chunk whose pages have been rewritten is freed only once no version kept can need it: with
    // H2's default of five versions kept, a round's gain shows only five commits later.
    store.setRetentionTime(0);
    store.setVersionsToKeep(0);
    try {
      long stopAt = System.nanoTime() + millis * 1_000_000L;
      store.commit();
      // H2 rewrites no chunk of the two newest versions (lest a rewrite be rewritten again without
      // end), and commands written beside a commit (decision 75) leave the newest chunks partly
      // dead: two versions more, a note of this compaction in a map of its own, let it rewrite
      // the chunks the registry wrote last.
      MVMap<String, Long> compactions = store.openMap(COMPACTIONS);
      for (int version = 0; version < 2; version++) {
        compactions.put("last", System.currentTimeMillis() + version);
        store.commit();
      }
      // H2 picks every chunk not wholly live, and counts part of a chunk's own bookkeeping as dead;
      // chunks holding pages of collections not yet opened it picks again each round without making
      // them any fuller. So it always finds more to rewrite: stop once rounds in a row have neither
      // shortened the file nor raised the share of live data in its chunks.
      long smallest = before;
      int fullest = file.getChunksFillRate();
      int rounds = 0;
      int roundsWithoutGain = 0;
      boolean outOfTime = false;
      while (roundsWithoutGain < ROUNDS_WITHOUT_GAIN
          && !(outOfTime = System.nanoTime() - stopAt >= 0)
          && file.compact(COMPACT_TO_PERCENT, COMPACTION_STEP)) {
        rounds++;
        store.commit();
        file.sync();
        file.dropUnusedChunks();
        if (file.size() < smallest || file.getChunksFillRate() > fullest) {
          smallest = Math.min(smallest, file.size());
          fullest = Math.max(fullest, file.getChunksFillRate());
          roundsWithoutGain = 0;
        } else {
          roundsWithoutGain++;
        }
      }
      try {
        file.compactMoveChunks(100, Long.MAX_VALUE, store);
      } catch (MVStoreException e) {
        // Moving chunks only shortens the file. With assertions on, H2 checks that a chunk it has
        // just moved (copied whole, its new place recorded) landed below the point it predicted,
        // and it does not always (seen at a start after a crash): the chunk is in a new place, the
        // file is sound and only longer than it could be. Anything else is not passed over.
        // H2 closes the store on this error, as after a crash (its "panic"): every write before the
        // move was committed, and the file opens again as it is. Nothing more is written here.
        if (!(e.getCause() instanceof AssertionError)) {
          throw e;
        }
        LOG.warn(
            "The data file could not be shortened this time ({}); it is used as it is",
            e.toString());
        return new Compaction(before, before, rounds, outOfTime);
      }
      store.commit();
      file.sync();
      return new Compaction(before, file.size(), rounds, outOfTime);
    } finally {
      if (!store.isClosed()) {
        store.setRetentionTime(retention);
        store.setVersionsToKeep((int) versions);
      }
    }
  }

  /**
   * Commits the store while the registry writes and keeps the file near its live size. Every
   * {@value #COMMIT_PERIOD_MILLIS} ms, or once the journal holds {@value #COMMIT_JOURNAL_BYTES}
   * bytes, it commits the store between write commands and empties the journal ({@link
   * ChangeJournal}, decision 70). Each commit is a chunk of its own, and nearly every chunk keeps a
   * page or two that stay live long after the rest of it is dead (a full page of a collection, a
   * page of an index in random order): such a chunk is never freed, and with a commit per write the
   * file grew to 20 to 36 times the stored events' JSON while the registry ran (decision 62). H2
   * rewrites these pages into new chunks in its background thread (off here) only when the file is
   * idle, or below 50 % live data when it is not (decision 60). Here a thread of its own looks
   * every {@value #COMPACTION_PERIOD_MILLIS} ms and, below {@value #COMPACT_WRITING_BELOW_PERCENT}
   * % live data while the registry writes and below {@value #COMPACT_IDLE_BELOW_PERCENT} % once
   * {@value #IDLE_STEPS_BEFORE_IDLE_COMPACTION} steps in a row found the file idle (decision 69),
   * rewrites the live pages of the emptiest chunks, at most {@value #COMPACTION_STEP_BYTES} bytes a
   * step ({@value #COMPACTION_STEP_BYTES_BEHIND} when the file is {@value #BEHIND_BY_PERCENT}
   * points or more below), alone, so that a write waits for one small step at most; the chunks it
   * empties are freed at its commit and their space used again. Below {@value
   * #MOVE_CHUNKS_BELOW_PERCENT} % of the file taken by chunks it also moves chunks from the file's
   * end into the free space before them, so that the file shrinks (decision 63). On a file little
   * else writes to (a change between two steps at most), after {@value #IDLE_STEPS_WITHOUT_GAIN}
   * steps in a row that neither shortened it nor raised its share of live data, it rests: one step
   * every {@value #IDLE_REST_MILLIS} ms until the registry writes again (decision 67).
   */
  private static final class Compactor {

    private final MVStore store;
    private final ChangeJournal journal;
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * The journal's count of changes at the end of the last step: unchanged, nothing was written.
     */
    private long changesSeen = -1;

    /** When the store was last committed ({@link System#nanoTime}). */
    private long lastCommit = System.nanoTime();

    /** When chunks were last moved ({@link System#nanoTime}). */
    private long lastMove = System.nanoTime();

    /** Steps in a row that found the file idle. */
    private int idleInARow;

    /**
     * The bytes the last step that found a chunk to rewrite took, while the registry writes (see
     * {@link #COMPACTION_STEP_BYTES_MOST}).
     */
    private int stepBytes = COMPACTION_STEP_BYTES;

    /** Steps in a row that found the file idle and gained nothing on it. */
    private int idleWithoutGain;

    /**
     * The smallest size and the largest share of live bytes the file reached since it became idle:
     * a gain is a step beyond them, not one back from a step that lost (the share rises and falls
     * as chunks are rewritten and freed).
     */
    private long smallest = Long.MAX_VALUE;

    private int fullest = -1;

    /**
     * When the compactor, resting on an idle file, takes its next step ({@link System#nanoTime}).
     */
    private long restUntil;

    /** Steps taken, for the tests. */
    private final AtomicLong steps = new AtomicLong();

    /** Holds on the steps: none is taken while there is one ({@link #holdingSteps}). */
    private final AtomicInteger holds = new AtomicInteger();

    /** Held through each step. */
    private final Object stepping = new Object();

    Compactor(MVStore store, ChangeJournal journal) {
      this.store = store;
      this.journal = journal;
      this.thread = new Thread(this::run, "data-file-compaction");
      thread.setDaemon(true);
      thread.start();
    }

    private void run() {
      while (!stopping && !store.isClosed()) {
        try {
          Thread.sleep(COMPACTION_PERIOD_MILLIS);
          commitWhenDue();
          synchronized (stepping) {
            if (holds.get() == 0) {
              step();
            }
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException | Error e) {
          if (stopping || store.isClosed()) {
            return;
          }
          // The file is as the last commit left it: a step that failed frees nothing, and the
          // next one tries again. This thread alone commits the store, so it goes on whatever
          // failed (an error too).
          LOG.warn("A commit or a step of compacting the data file failed; the next will try", e);
        }
      }
    }

    /**
     * Commits the store once a {@value #COMMIT_PERIOD_MILLIS} ms period is up or the journal holds
     * {@value #COMMIT_JOURNAL_BYTES} bytes, if anything changed since the last commit.
     */
    private void commitWhenDue() {
      long now = System.nanoTime();
      if (store.hasUnsavedChanges()
          && (now - lastCommit >= COMMIT_PERIOD_MILLIS * 1_000_000L
              || journal.size() >= COMMIT_JOURNAL_BYTES)) {
        journal.commit(store);
        lastCommit = now;
      }
    }

    /**
     * One step, in two parts, each done only when needed.
     *
     * <p>Below {@value #COMPACT_WRITING_BELOW_PERCENT} % live bytes in the chunks ({@value
     * #COMPACT_IDLE_BELOW_PERCENT} % on an idle file), the live pages of the emptiest, oldest
     * chunks are rewritten (H2's {@code compact}) and committed, alone between write commands
     * ({@link ChangeJournal#commitAlone}): a commit holds whole commands only. The chunks so
     * emptied are freed by a commit, which drops the unused chunks under the store's lock: freeing
     * them here, beside a commit writing its chunk, would change the file's map of free space under
     * it (H2 checks this with assertions on, and failed).
     *
     * <p>Below {@value #MOVE_CHUNKS_BELOW_PERCENT} % of the file taken by chunks, chunks are moved
     * from its end into the free space before them and the file is cut after the last (H2's {@code
     * compactMoveChunks}, alone and under the store's lock, as H2's own housekeeping does below 50
     * %, up to 38 MB at a time), at most once every {@value #MOVE_PERIOD_MILLIS} ms. Chunks are
     * written into the first free space that fits them, so the file otherwise stays as long as it
     * ever was, and after the registry stored in bulk a third of it was free space between chunks.
     */
    private void step() {
      if (store.getFileStore() instanceof RandomAccessStore file) {
        long changes = journal.changes();
        // At most a write since the last step: a running registry writes now and then when
        // nothing is asked of it (its processors' claims on their segments).
        boolean idle = changes - changesSeen <= 1;
        long now = System.nanoTime();
        if (!idle) {
          idleWithoutGain = 0;
          smallest = Long.MAX_VALUE;
          fullest = -1;
        } else if (idleWithoutGain >= IDLE_STEPS_WITHOUT_GAIN && now - restUntil < 0) {
          changesSeen = changes;
          return;
        }
        steps.incrementAndGet();
        idleInARow = idle ? idleInARow + 1 : 0;
        boolean idleCompaction = idleInARow >= IDLE_STEPS_BEFORE_IDLE_COMPACTION;
        int below = idleCompaction ? COMPACT_IDLE_BELOW_PERCENT : COMPACT_WRITING_BELOW_PERCENT;
        int live = file.getChunksFillRate();
        if (live < below) {
          int bytes =
              idleCompaction
                  ? IDLE_COMPACTION_STEP_BYTES
                  : Math.max(
                      stepBytes,
                      live < below - BEHIND_BY_PERCENT
                          ? COMPACTION_STEP_BYTES_BEHIND
                          : COMPACTION_STEP_BYTES);
          boolean rewrote = journal.commitAlone(store, () -> file.compact(below, bytes));
          if (!idleCompaction) {
            stepBytes = rewrote ? bytes : Math.min(COMPACTION_STEP_BYTES_MOST, 2 * bytes);
          }
        } else if (!idleCompaction) {
          stepBytes = COMPACTION_STEP_BYTES;
        }
        if (file.getFillRate() < MOVE_CHUNKS_BELOW_PERCENT
            && now - lastMove >= MOVE_PERIOD_MILLIS * 1_000_000L) {
          lastMove = now;
          long moving = idleCompaction ? IDLE_MOVE_STEP_BYTES : MOVE_STEP_BYTES;
          journal.commitAlone(
              store,
              () -> {
                file.compactMoveChunks(MOVE_CHUNKS_BELOW_PERCENT, moving, store);
                return null;
              });
        }
        if (idle) {
          long size = file.size();
          int liveAfter = file.getChunksFillRate();
          boolean gained = size < smallest || liveAfter > fullest;
          smallest = Math.min(smallest, size);
          fullest = Math.max(fullest, liveAfter);
          idleWithoutGain = gained ? 0 : idleWithoutGain + 1;
          restUntil = System.nanoTime() + IDLE_REST_MILLIS * 1_000_000L;
        }
        changesSeen = journal.changes();
      }
    }

    long steps() {
      return steps.get();
    }

    /** Runs {@code work} with no step begun meanwhile; a step under way ends first. */
    <T> T holdingSteps(Supplier<T> work) {
      holds.incrementAndGet();
      try {
        synchronized (stepping) {
          // Only waits for a step under way to end: the next sees the hold.
          steps.get();
        }
        return work.get();
      } finally {
        holds.decrementAndGet();
      }
    }

    /**
     * Stops the thread and waits for its step to end, before the store is compacted and closed. It
     * is not interrupted: an interrupt during a read of the file would close the file's channel.
     */
    void stop() {
      stopping = true;
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The bytes written to the journal since the file was opened ({@link ChangeJournal}). */
  long journalBytesWritten() {
    return journal.writtenInAll();
  }

  /** Commits the store now, between write commands, and empties the journal. */
  void commitNow() {
    journal.commit(getMvStore());
  }

  /** How many steps the compactor has taken (see {@link Compactor}). */
  long compactionSteps() {
    return compactor.steps();
  }

  /** Runs {@code work} as a commit's own work, write commands waiting meanwhile: for tests. */
  <T> T withWritesWaiting(Supplier<T> work) {
    return journal.commitAlone(getMvStore(), work);
  }

  /**
   * Runs {@code work} with the compactor taking no step (commits go on): for measurements of reads
   * that the compaction of an idle file would otherwise share the cores with.
   */
  <T> T withoutCompaction(Supplier<T> work) {
    return compactor.holdingSteps(work);
  }

  /**
   * What a compaction did: the file's size before and after, its rounds of rewriting, and whether
   * it stopped at its time limit rather than when nothing more was gained.
   */
  record Compaction(long before, long after, int rounds, boolean outOfTime) {}

  /** Compacts the file ({@link #compact}) once the server has stopped, then closes it. */
  @Override
  public void close() {
    compactor.stop();
    try {
      journal.commit(getMvStore());
      journal.close();
      compact(getMvStore());
    } finally {
      super.close();
    }
  }

  /**
   * Handles a command on the store's version of its start, which H2 then keeps until the command is
   * done: without it, a command reading many documents while others commit can meet a page in a
   * chunk H2 has just freed ("Chunk ... not found", H2 issues 2118 and 4218). The changes of an
   * insert, update, delete or findAndModify are written to the journal before its reply goes out; a
   * command that changes collections or indexes runs alone and is committed before its reply
   * ({@link ChangeJournal}).
   */
  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (JOURNALED.contains(name)) {
      journal.beginCommand();
      try {
        return handleOnItsVersion(channel, database, command, query);
      } finally {
        journal.endCommand();
      }
    }
    if (ALONE.contains(name) || (name.equals("aggregate") && writesCollection(query))) {
      return journal.commitAlone(
          getMvStore(), () -> handleOnItsVersion(channel, database, command, query));
    }
    return handleOnItsVersion(channel, database, command, query);
  }

  /**
   * Whether an aggregation ends by writing a collection ({@code $out}, {@code $merge}): it drops,
   * renames and fills collections, so it runs alone, as the commands that change collections do.
   */
  private static boolean writesCollection(Document query) {
    if (query.get("pipeline") instanceof List<?> stages) {
      for (Object stage : stages) {
        if (stage instanceof Document document
            && (document.containsKey("$out") || document.containsKey("$merge"))) {
          return true;
        }
      }
    }
    return false;
  }

  private Document handleOnItsVersion(
      Channel channel, String database, String command, Document query) {
    MVStore store = getMvStore();
    MVStore.TxCounter version = store.registerVersionUsage();
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      store.deregisterVersionUsage(version);
    }
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new KeyedDatabase(databaseName);
  }

  /**
   * H2's database with {@link IndexKeyType} for its unique indexes and {@link DocumentDataType} for
   * its documents. An inner class: H2's constructor opens the existing indexes before a subclass
   * could keep the store in a field of its own, so the store is the backend's.
   */
  private final class KeyedDatabase extends H2Database {

    KeyedDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * A collection as H2's, its documents written as BSON ({@link DocumentDataType}) and found by
     * {@code _id} without the index ({@link KeyedCollection}). The maps' names are H2's own.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String namespace = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> documents =
          JournaledMap.open(getMvStore(), DocumentDataType.DOCUMENT_MAPS + namespace);
      MVMap<String, Object> counts = JournaledMap.open(getMvStore(), "meta." + namespace);
      return new KeyedCollection(this, collectionName, options, documents, counts, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      MVMap<KeyValue, Object> map =
          JournaledMap.open(
              getMvStore(),
              getFullCollectionNamespace(collectionName) + JournaledMap.INDEX_MAPS + indexName);
      return new KeyedIndex(map, indexName, keys, sparse);
    }
  }

  /** A unique index in an MVStore map, as H2's own {@code H2UniqueIndex}. */
  private static final class KeyedIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;

    KeyedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
      return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
      return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
      return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
      return map.get(keyValue);
    }

    @Override
    public long getCount() {
      return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public long getDataSize() {
      return getCount();
    }
  }

  /**
   * H2's {@link ObjectDataType} (same bytes on file), ordering two index keys by their serialized
   * bytes as H2 does, but serializing each key once while it is in use rather than at every
   * comparison and every write of its page. Equal keys serialize to equal bytes, so the bytes are
   * kept per key value, for the keys in the map.
   */
  static final class IndexKeyType extends ObjectDataType {

    /** H2's tag of a serialized Java object in {@link ObjectDataType}'s format. */
    static final byte SERIALIZED_OBJECT = 19;

    private final Map<KeyValue, byte[]> serialized =
        Collections.synchronizedMap(new WeakHashMap<>());
    private final ThreadLocal<Sought> lastSought = new ThreadLocal<>();

    private record Sought(KeyValue key, byte[] bytes) {}

    /**
     * Compares as H2 does. In a lookup {@code a} is the key looked for, {@code b} one in the map:
     * the bytes of keys in the map are kept while the key is, those of the key looked for only for
     * the lookup, on its thread.
     */
    @Override
    public int compare(Object a, Object b) {
      if (a == b) {
        return 0;
      }
      if (a instanceof KeyValue left && b instanceof KeyValue right) {
        return ObjectDataType.compareNotNull(sought(left), bytes(right));
      }
      return super.compare(a, b);
    }

    /** The bytes of a key looked for: kept, or the last key looked for on this thread. */
    private byte[] sought(KeyValue key) {
      byte[] kept = serialized.get(key);
      if (kept != null) {
        return kept;
      }
      Sought last = lastSought.get();
      if (last != null && last.key() == key) {
        return last.bytes();
      }
      byte[] bytes = ObjectDataType.serialize(key);
      lastSought.set(new Sought(key, bytes));
      return bytes;
    }

    /** Writes a key as H2 does (its serialized-object tag, length, bytes), from the kept bytes. */
    @Override
    public void write(WriteBuffer buffer, Object object) {
      if (object instanceof KeyValue key) {
        byte[] bytes = bytes(key);
        buffer.put((byte) SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
      } else {
        super.write(buffer, object);
      }
    }

    private byte[] bytes(KeyValue key) {
      byte[] bytes = serialized.get(key);
      if (bytes == null) {
        bytes = ObjectDataType.serialize(key);
        serialized.put(key, bytes);
      }
      return bytes;
    }
  }
}
