package nl.partnershipregistry.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes made to a store's maps since its last commit, in a file beside the store's, written
 * before a write command's reply goes out: an acknowledged write is in this file or in a commit of
 * the store. The store itself is committed now and then ({@link #commitAlone}), not at each write;
 * a commit writes the pages a second's writes changed once, where a commit per write wrote each
 * page again at every write (decision 70).
 *
 * <p><b>Records.</b> Each change of a {@link JournaledMap} is recorded as the key's value after it
 * (or its absence), under one lock with the change itself, so that the records of a key are in the
 * order of its changes. A record is {@code [length][CRC-32C][payload]}; the payload is a kind (put,
 * remove, clear), the map's name, the key and the value, each written by the map's own types as H2
 * writes them to its pages. A command that recorded changes records its end before its records are
 * written to the file, once, with those other commands recorded before them.
 *
 * <p><b>Commits at a command's bounds.</b> Write commands run under a shared lock ({@link
 * #beginCommand}); a commit of the store takes its version alone ({@link #commitAlone}), between
 * commands, so that every commit holds whole commands. Commands then go on while the commit writes
 * that version's pages (decision 75): the journal's file, which holds the version's changes, is set
 * aside ({@code registry.journal.committing}) and a new one records what follows; once the commit
 * is written the file set aside is deleted. A commit that cannot set the file aside writes with
 * commands waiting, and empties the journal after it.
 *
 * <p><b>Replay.</b> At opening, the records in the file set aside, if a commit left one, then those
 * in the journal are applied in order ({@link #replay}) and the store committed. Each sets a key to
 * a value it had, so applying them to a store that already holds some of them gives the same maps.
 * A record cut short or whose checksum fails ends the replay, and the records after the last end of
 * a command before it are left out: the maps are as they were when the last command whose reply may
 * have gone out ended. The changes other commands made before that are kept with it, as the server
 * does not isolate one command from another and the command may have read them.
 *
 * <p>The file is written, not forced to the disk, as the store's own commits: a killed process
 * loses nothing acknowledged, a power cut may.
 */
final class ChangeJournal implements AutoCloseable {

  /** A record of a key's new value. */
  static final byte PUT = 1;

  /** A record of a key removed. */
  static final byte REMOVE = 2;

  /** A record of a map emptied. */
  static final byte CLEAR = 3;

  /** A record of a write command's end: a replay applies the records before the last. */
  static final byte END = 4;

  /** The bytes before a record's payload: its length and checksum. */
  private static final int HEADER = 8;

  private static final Logger LOG = LoggerFactory.getLogger(ChangeJournal.class);

  /** The journal of each open store, for its maps ({@link JournaledMap}). */
  private static final Map<MVStore, ChangeJournal> OF_STORE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The bytes this thread's write command has recorded up to, in {@link #recorded}'s count (0:
   * nothing yet).
   */
  private static final ThreadLocal<long[]> RECORDED_UP_TO =
      ThreadLocal.withInitial(() -> new long[1]);

  private final Path path;

  /**
   * Where the journal's file is set aside while a commit writes the version it took: it holds the
   * changes before that version's cut ({@link #commitAlone}).
   */
  private final Path setAside;

  /** The journal's file; guarded by {@link #file}. */
  private FileChannel channel;

  /**
   * Write commands share it; {@link #commitAlone} holds it alone through its work and until its
   * commit has taken the version it writes (to the commit's end when the journal cannot be set
   * aside).
   */
  private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();

  /** Held through {@link #commitAlone}: one commit at a time, from its work to its end. */
  private final ReentrantLock committing = new ReentrantLock();

  /** Orders the changes and their records. */
  private final Object order = new Object();

  /** Records not yet written to the file; guarded by {@link #order}. */
  private WriteBuffer pending = new WriteBuffer(64 * 1024);

  /** The bytes recorded since the journal was last emptied; guarded by {@link #order}. */
  private long recorded;

  /**
   * The commits begun since the journal was opened ({@link #commitAlone}): the version a change is
   * in, for the documents' bytes kept for their pages ({@link DocumentDataType#writeRecorded}).
   * Changed with no write command under way.
   */
  private volatile long cuts;

  /** Changes recorded since the journal was opened, never reset. */
  private volatile long changes;

  /** Guards the file's writes. */
  private final Object file = new Object();

  /** The buffer the records are written from, swapped with {@link #pending}; guarded by file. */
  private WriteBuffer writing = new WriteBuffer(64 * 1024);

  /** The bytes written to the file since it was last emptied. */
  private volatile long written;

  /** The bytes written to the file since it was opened, never reset. */
  private volatile long writtenInAll;

  /**
   * Why the file could not be written or emptied, until a commit empties it; meanwhile no write is
   * acknowledged. Guarded by {@link #file}.
   */
  private IOException broken;

  private volatile boolean recording;

  private final CRC32C checksum = new CRC32C();

  private ChangeJournal(Path path, FileChannel channel) {
    this.path = path;
    this.setAside = setAsideOf(path);
    this.channel = channel;
  }

  /** The file a journal at {@code path} is set aside to while a commit is written. */
  static Path setAsideOf(Path path) {
    return path.resolveSibling(path.getFileName() + ".committing");
  }

  /**
   * Opens the journal beside the store's file, replays what it holds into the store, commits the
   * store and empties the journal; once {@link #start started}, the store's {@link JournaledMap}s
   * record their changes in it.
   */
  static ChangeJournal open(Path path, MVStore store) {
    // A journal set aside by a commit that was not written holds the changes before the ones in
    // the journal itself.
    Path setAside = setAsideOf(path);
    int replayed = replay(setAside, store) + replay(path, store);
    if (replayed > 0) {
      store.commit();
      LOG.warn(
          "The registry was not stopped cleanly: {} changes not yet in the data file were applied"
              + " from {}",
          replayed,
          path);
    }
    try {
      Files.deleteIfExists(setAside);
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.truncate(0);
      ChangeJournal journal = new ChangeJournal(path, channel);
      OF_STORE.put(store, journal);
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + path, e);
    }
  }

  /** From now on, the store's maps record their changes here. */
  void start() {
    recording = true;
  }

  /** The journal of a store, or null if it has none. */
  static ChangeJournal of(MVStore store) {
    return OF_STORE.get(store);
  }

  boolean isRecording() {
    return recording;
  }

  /** Changes recorded since the journal was opened: unchanged, nothing was written. */
  long changes() {
    return changes;
  }

  /** The bytes recorded since the store was last committed. */
  long size() {
    synchronized (order) {
      return recorded;
    }
  }

  /**
   * Makes a change of a map and records it: the key's value after the change, read under the same
   * lock.
   */
  <K, V> V record(MVMap<K, V> map, K key, Supplier<V> change) {
    synchronized (order) {
      V result = change.get();
      V now = map.get(key);
      int start = begin(now == null ? REMOVE : PUT);
      try {
        putName(map);
        map.getKeyType().write(pending, key);
        if (map.getValueType() instanceof DocumentDataType documents) {
          documents.writeRecorded(pending, now, result, cuts);
        } else if (now != null) {
          map.getValueType().write(pending, now);
        }
      } catch (RuntimeException e) {
        pending.position(start);
        throw e;
      }
      end(start);
      return result;
    }
  }

  /** Empties a map and records it. */
  void recordClear(MVMap<?, ?> map, Runnable clear) {
    synchronized (order) {
      clear.run();
      if (map.getValueType() instanceof DocumentDataType documents) {
        documents.cleared();
      }
      int start = begin(CLEAR);
      putName(map);
      end(start);
    }
  }

  /** Begins a record: its header (filled in at its end) and kind. */
  private int begin(byte kind) {
    int start = pending.position();
    pending.putInt(0).putInt(0).put(kind);
    return start;
  }

  private void putName(MVMap<?, ?> map) {
    byte[] name = map.getName().getBytes(StandardCharsets.UTF_8);
    pending.putVarInt(name.length).put(name);
  }

  private void end(int start) {
    int end = pending.position();
    ByteBuffer bytes = pending.getBuffer();
    checksum.reset();
    checksum.update(bytes.duplicate().position(start + HEADER).limit(end));
    pending.putInt(start, end - start - HEADER);
    pending.putInt(start + 4, (int) checksum.getValue());
    recorded += end - start;
    changes++;
    RECORDED_UP_TO.get()[0] = recorded;
  }

  /**
   * Begins a write command: it runs beside others, never beside a commit of the store. Each must be
   * followed by {@link #endCommand}.
   */
  void beginCommand() {
    commits.readLock().lock();
    RECORDED_UP_TO.get()[0] = 0;
  }

  /**
   * Ends a write command: records its end if it recorded anything, writes its records to the file
   * (with whatever other commands recorded before, in one write), then lets a commit run.
   */
  void endCommand() {
    long[] recordedUpTo = RECORDED_UP_TO.get();
    try {
      if (recordedUpTo[0] > 0) {
        synchronized (order) {
          end(begin(END));
        }
        writeUpTo(recordedUpTo[0]);
      }
    } finally {
      commits.readLock().unlock();
    }
  }

  private void writeUpTo(long position) {
    synchronized (file) {
      if (written >= position) {
        return;
      }
      if (broken != null) {
        throw new IllegalStateException(
            "the journal " + path + " could not be written; writes fail until the next commit",
            broken);
      }
      WriteBuffer full;
      long upTo;
      synchronized (order) {
        full = pending;
        pending = writing;
        upTo = recorded;
      }
      ByteBuffer bytes = full.getBuffer().flip();
      try {
        long at = written;
        while (bytes.hasRemaining()) {
          at += channel.write(bytes, at);
        }
      } catch (IOException e) {
        // The records swapped out are lost to the file: no later write may be acknowledged
        // until a commit has put every change in the store and emptied the journal.
        broken = e;
        throw new UncheckedIOException("cannot write the journal " + path, e);
      } finally {
        writing = full.clear();
      }
      writtenInAll += upTo - written;
      written = upTo;
    }
  }

  /** The bytes written to the file since the journal was opened. */
  long writtenInAll() {
    return writtenInAll;
  }

  /**
   * Runs {@code work} with no write command under way and nothing recorded (a commit of the store,
   * a step of compacting it, a command that changes collections or indexes), then commits the
   * store: every change so far is then in the file. Returns what the work did.
   *
   * <p>Write commands wait until the commit has taken the version it writes, then go on beside it
   * (decision 75): the journal's file, which holds every change of that version not yet in the
   * file, is set aside, and a new one records the changes after it; once the commit is written the
   * file set aside is deleted. A store whose file cannot be set aside (or that is not opened with a
   * {@link CommitCutFileStore}) is committed with write commands waiting until the end, and the
   * journal emptied, as before. Either way this returns once the commit is written.
   */
  <T> T commitAlone(MVStore store, Supplier<T> work) {
    committing.lock();
    try {
      Cut cut = new Cut();
      commits.writeLock().lock();
      try {
        // Nothing is recorded until the commit has taken its version: what is recorded from now on
        // is in the version after it.
        cuts++;
        boolean wasRecording = recording;
        recording = false;
        try {
          return work.get();
        } finally {
          commitStore(store, wasRecording, cut);
        }
      } finally {
        if (!cut.resumed) {
          commits.writeLock().unlock();
        }
      }
    } finally {
      committing.unlock();
    }
  }

  /** Whether write commands went on once a commit had taken its version. */
  private static final class Cut {
    boolean resumed;
  }

  private void commitStore(MVStore store, boolean wasRecording, Cut cut) {
    CommitCutFileStore cutTelling =
        wasRecording && store.getFileStore() instanceof CommitCutFileStore telling ? telling : null;
    try {
      if (cutTelling != null) {
        cutTelling.onCut(() -> resumeAtCut(cut));
      }
      store.commit();
    } finally {
      if (cutTelling != null) {
        cutTelling.onCut(null);
      }
      if (cut.resumed) {
        // A store closed by H2 after an error wrote no commit: the journal set aside then still
        // holds what the file lacks, and is replayed at the next opening.
        if (!store.isClosed()) {
          deleteSetAside();
        }
      } else {
        try {
          // As above: a closed store keeps its journal.
          if (!store.isClosed()) {
            empty();
          }
        } finally {
          recording = wasRecording && !store.isClosed();
        }
      }
    }
  }

  /**
   * At a commit's cut, on the committing thread, with no write command under way: sets the
   * journal's file aside and lets write commands go on, recording into a new one. Does neither if
   * the file cannot be set aside; throws nothing, as it runs inside H2's commit.
   */
  private void resumeAtCut(Cut cut) {
    try {
      if (commits.isWriteLockedByCurrentThread() && setAside()) {
        // Recording before any command can begin.
        recording = true;
        commits.writeLock().unlock();
        cut.resumed = true;
      }
    } catch (RuntimeException | Error e) {
      LOG.warn("The journal {} could not be set aside for a commit", path, e);
    }
  }

  /**
   * Renames the journal's file to {@link #setAside} and records into a new one from now on; true if
   * done. Nothing is recorded meanwhile: no write command is under way.
   */
  private boolean setAside() {
    synchronized (file) {
      synchronized (order) {
        if (broken != null || recorded != written) {
          // Records the file lacks: the commit empties the journal as before, alone.
          return false;
        }
      }
      try {
        Files.move(path, setAside, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        LOG.warn("The journal {} could not be set aside for a commit", path, e);
        return false;
      }
      FileChannel next;
      try {
        next = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (IOException e) {
        LOG.warn("A new journal {} could not be opened for a commit", path, e);
        try {
          Files.move(setAside, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException back) {
          // The journal goes on in the file set aside (its channel is open), which the next
          // opening replays before the journal, or deletes once a commit has emptied it.
          e.addSuppressed(back);
        }
        return false;
      }
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("The journal set aside {} could not be closed", setAside, e);
      }
      channel = next;
      synchronized (order) {
        pending.clear();
        recorded = 0;
      }
      written = 0;
      return true;
    }
  }

  /** Deletes the journal set aside by a commit now written to the file. */
  private void deleteSetAside() {
    try {
      Files.deleteIfExists(setAside);
    } catch (IOException e) {
      // Replaying it again at the next opening changes nothing: the file holds what it holds.
      LOG.warn("The journal set aside {} could not be deleted", setAside, e);
    }
  }

  /** Commits the store alone ({@link #commitAlone}). */
  void commit(MVStore store) {
    commitAlone(store, () -> null);
  }

  private void empty() {
    synchronized (file) {
      synchronized (order) {
        pending.clear();
        recorded = 0;
      }
      if (written > 0 || broken != null) {
        try {
          channel.truncate(0);
        } catch (IOException e) {
          broken = e;
          throw new UncheckedIOException("cannot empty the journal " + path, e);
        }
        written = 0;
        broken = null;
      }
    }
  }

  /** Stops recording and deletes the file: the store must have been committed since the last. */
  @Override
  public void close() {
    recording = false;
    try {
      synchronized (file) {
        channel.close();
      }
      if (written == 0) {
        Files.deleteIfExists(path);
        Files.deleteIfExists(setAside);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal " + path, e);
    }
  }

  /**
   * Applies the records of the journal at {@code path}, if there is one, to the store's maps, in
   * order, up to the last end of a write command before the first record cut short or whose
   * checksum fails; returns how many were applied. The maps are then as they were when that command
   * ended: every command whose reply went out is in them, with any change other commands had made
   * before (which it may have read, as the server does not isolate commands).
   */
  static int replay(Path path, MVStore store) {
    if (!Files.isRegularFile(path)) {
      return 0;
    }
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.wrap(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + path, e);
    }
    List<ByteBuffer> records = new ArrayList<>();
    int beforeLastEnd = 0;
    CRC32C checksum = new CRC32C();
    while (bytes.remaining() >= HEADER) {
      int at = bytes.position();
      int length = bytes.getInt();
      int expected = bytes.getInt();
      if (length <= 0 || length > bytes.remaining()) {
        bytes.position(at);
        break;
      }
      checksum.reset();
      checksum.update(bytes.duplicate().limit(bytes.position() + length));
      if ((int) checksum.getValue() != expected) {
        bytes.position(at);
        break;
      }
      ByteBuffer record = bytes.slice(bytes.position(), length);
      bytes.position(bytes.position() + length);
      if (record.get(0) == END) {
        beforeLastEnd = records.size();
      } else {
        records.add(record);
      }
    }
    if (bytes.hasRemaining()) {
      LOG.warn(
          "The last {} bytes of {} are a record cut short, written when the registry stopped"
              + " before replying to it; they are left out",
          bytes.remaining(),
          path);
    }
    for (ByteBuffer record : records.subList(0, beforeLastEnd)) {
      apply(record.get(), record, store);
    }
    if (beforeLastEnd < records.size()) {
      LOG.warn(
          "The last {} changes in {} came after the last write command's end, and no reply went"
              + " out after them; they are left out",
          records.size() - beforeLastEnd,
          path);
    }
    return beforeLastEnd;
  }

  private static void apply(byte kind, ByteBuffer payload, MVStore store) {
    byte[] name = new byte[DataUtils.readVarInt(payload)];
    payload.get(name);
    MVMap<Object, Object> map = JournaledMap.open(store, new String(name, StandardCharsets.UTF_8));
    if (kind == CLEAR) {
      map.clear();
      return;
    }
    Object key = map.getKeyType().read(payload);
    if (kind == PUT) {
      map.put(key, map.getValueType().read(payload));
    } else if (kind == REMOVE) {
      map.remove(key);
    } else {
      throw new IllegalStateException("unknown record kind " + kind + " in the journal");
    }
  }
}
