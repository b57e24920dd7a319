package nl.partnershipregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal keeps every change of a write command that ended, from the change until the store's
 * next commit: a process killed before that commit opens as it stood when the last command in the
 * journal ended, every acknowledged write in it.
 */
class ChangeJournalTest {

  private static final String DOCUMENTS = "databases.registry.views";
  private static final String INDEX = "registry.views._index_key";

  @TempDir Path folder;

  private final List<MVStore> open = new ArrayList<>();

  @AfterEach
  void closeAll() {
    open.forEach(MVStore::closeImmediately);
  }

  private Path file() {
    return folder.resolve("registry.mv");
  }

  private Path journal() {
    return DurableH2Backend.journalOf(file().toString());
  }

  /** Opens the store as the backend does: the journal replayed, then recording. */
  private Opened reopen() {
    MVStore store = DurableH2Backend.openAsItIs(file().toString());
    open.add(store);
    ChangeJournal journal = ChangeJournal.open(journal(), store);
    journal.start();
    return new Opened(store, journal);
  }

  private record Opened(MVStore store, ChangeJournal journal) {
    MVMap<Object, Document> documents() {
      return JournaledMap.open(store, DOCUMENTS);
    }

    MVMap<KeyValue, Object> index() {
      return JournaledMap.open(store, INDEX);
    }

    void command(Runnable changes) {
      journal.beginCommand();
      try {
        changes.run();
      } finally {
        journal.endCommand();
      }
    }
  }

  private static Document view(String id, int events) {
    return new Document("_id", id).append("events", events).append("name", "Technasium " + id);
  }

  @Test
  void the_changes_of_ended_commands_are_in_the_store_after_a_kill_before_any_commit()
      throws Exception {
    Opened first = reopen();
    first.command(
        () -> {
          first.documents().put("a", view("a", 1));
          first.index().put(new KeyValue("key-a"), "a");
          first.documents().put("b", view("b", 1));
        });
    first.command(
        () -> {
          first.documents().put("a", view("a", 2));
          first.documents().remove("b");
        });
    assertThat(Files.size(journal())).isPositive();
    first.store().closeImmediately();

    Opened second = reopen();

    assertThat(second.documents().get("a")).isEqualTo(view("a", 2));
    assertThat(second.documents().containsKey("b")).isFalse();
    assertThat(second.index().get(new KeyValue("key-a"))).isEqualTo("a");
    assertThat(Files.size(journal())).as("emptied once replayed and committed").isZero();
  }

  @Test
  void
      the_store_opens_as_it_stood_when_the_last_command_ended_with_what_another_had_changed_before()
          throws Exception {
    Opened first = reopen();
    CountDownLatch changed = new CountDownLatch(1);
    CountDownLatch killed = new CountDownLatch(1);
    Thread unfinished =
        new Thread(
            () -> {
              first.journal().beginCommand();
              first.documents().put("never-acknowledged", view("x", 1));
              changed.countDown();
              await(killed);
            });
    unfinished.start();
    assertThat(changed.await(10, TimeUnit.SECONDS)).isTrue();
    // An ended command's write to the file takes along what the other recorded before it; the
    // server does not isolate the two, so the ended one may have read it.
    first.command(() -> first.documents().put("acknowledged", view("y", 1)));
    long withBoth = Files.size(journal());
    first.store().closeImmediately();
    killed.countDown();
    unfinished.join();

    Opened second = reopen();

    assertThat(withBoth).isGreaterThan(2 * recordOf("acknowledged"));
    assertThat(second.documents().get("acknowledged")).isEqualTo(view("y", 1));
    assertThat(second.documents().get("never-acknowledged")).isEqualTo(view("x", 1));
  }

  /** The bytes of a record of one view: key, value and the map's name, at least. */
  private static long recordOf(String id) {
    return id.length() + DOCUMENTS.length() + 20;
  }

  @Test
  void a_record_cut_short_leaves_out_what_came_after_the_last_ended_command_and_keeps_the_rest()
      throws Exception {
    Opened first = reopen();
    first.command(() -> first.documents().put("whole", view("whole", 1)));
    long afterFirst = Files.size(journal());
    first.command(() -> first.documents().put("cut", view("cut", 1)));
    first.store().closeImmediately();
    long full = Files.size(journal());
    try (FileChannel channel = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
      channel.truncate(full - 3);
    }

    Opened second = reopen();

    assertThat(full).isGreaterThan(afterFirst);
    assertThat(second.documents().get("whole")).isEqualTo(view("whole", 1));
    assertThat(second.documents().containsKey("cut")).isFalse();
  }

  @Test
  void a_commit_puts_every_change_in_the_store_and_empties_the_journal() throws Exception {
    Opened first = reopen();
    first.command(() -> first.documents().put("a", view("a", 1)));
    first.journal().commit(first.store());
    assertThat(Files.size(journal())).isZero();
    first.store().closeImmediately();
    Files.delete(journal());

    Opened second = reopen();

    assertThat(second.documents().get("a")).isEqualTo(view("a", 1));
  }

  /**
   * A map whose values wait, while a commit writes them, until the test lets them go: a commit that
   * takes as long as the test needs. With {@code fail}, the commit then fails, and H2 closes the
   * store as after a crash.
   */
  private static final class HeldWhileWritten extends StringDataType {
    final CountDownLatch writing = new CountDownLatch(1);
    final CountDownLatch letGo = new CountDownLatch(1);
    final boolean fail;

    HeldWhileWritten(boolean fail) {
      this.fail = fail;
    }

    @Override
    public void write(WriteBuffer buffer, String value) {
      writing.countDown();
      await(letGo);
      if (fail) {
        throw new IllegalStateException("the disk failed while the commit was written");
      }
      super.write(buffer, value);
    }
  }

  /**
   * Commits the store on a thread of its own while {@code held} holds the commit's writing, runs a
   * write command meanwhile, and returns the commit, once it has been let go.
   */
  private Thread commandDuringCommit(Opened opened, HeldWhileWritten held) throws Exception {
    opened.command(() -> opened.documents().put("before", view("before", 1)));
    opened
        .store()
        .openMap("held", new MVMap.Builder<String, String>().valueType(held))
        .put("k", "v");
    Thread commit = new Thread(() -> opened.journal().commit(opened.store()));
    commit.start();
    assertThat(held.writing.await(10, TimeUnit.SECONDS)).as("the commit writes").isTrue();

    // Not waiting for the commit to be written: a command waiting for it would time out here.
    CompletableFuture.runAsync(
            () -> opened.command(() -> opened.documents().put("during", view("during", 1))))
        .get(10, TimeUnit.SECONDS);

    assertThat(Files.exists(ChangeJournal.setAsideOf(journal())))
        .as("the journal of the version being written, set aside")
        .isTrue();
    assertThat(Files.size(journal())).as("the command's records, in a new journal").isPositive();
    held.letGo.countDown();
    return commit;
  }

  @Test
  void a_write_command_goes_on_while_a_commit_is_written_and_is_kept_by_the_journal_after_it()
      throws Exception {
    Opened first = reopen();
    HeldWhileWritten held = new HeldWhileWritten(false);
    Thread commit = commandDuringCommit(first, held);
    commit.join(10_000);

    assertThat(Files.exists(ChangeJournal.setAsideOf(journal())))
        .as("deleted once the commit is written")
        .isFalse();
    assertThat(Files.size(journal())).as("the command's records, kept").isPositive();
    first.store().closeImmediately();
    Files.copy(journal(), folder.resolve("kept.journal"));
    Files.delete(journal());
    MVStore committed = DurableH2Backend.openAsItIs(file().toString());
    MVMap<Object, Document> inTheCommit = JournaledMap.open(committed, DOCUMENTS);
    assertThat(inTheCommit.get("before")).as("in the commit").isEqualTo(view("before", 1));
    assertThat(inTheCommit.containsKey("during")).as("after the commit's version").isFalse();
    committed.closeImmediately();
    Files.copy(folder.resolve("kept.journal"), journal());

    Opened second = reopen();

    assertThat(second.documents().get("before")).isEqualTo(view("before", 1));
    assertThat(second.documents().get("during")).isEqualTo(view("during", 1));
  }

  @Test
  void a_commit_that_fails_while_commands_go_on_loses_none_of_their_changes() throws Exception {
    Opened first = reopen();
    HeldWhileWritten held = new HeldWhileWritten(true);
    Thread commit = commandDuringCommit(first, held);
    commit.join(10_000);

    assertThat(first.store().isClosed()).as("closed by H2 after the failed commit").isTrue();
    assertThat(Files.exists(ChangeJournal.setAsideOf(journal())))
        .as("kept: the file lacks what it holds")
        .isTrue();

    Opened second = reopen();

    assertThat(second.documents().get("before")).isEqualTo(view("before", 1));
    assertThat(second.documents().get("during")).isEqualTo(view("during", 1));
    assertThat(Files.exists(ChangeJournal.setAsideOf(journal()))).isFalse();
  }

  @Test
  void
      every_write_eight_clients_saw_acknowledged_is_kept_when_the_registry_is_killed_as_they_write()
          throws Exception {
    DurableH2Backend backend = new DurableH2Backend(file().toString());
    MongoServer server = serve(backend);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    try (MongoClient client = clientOf(server)) {
      MongoCollection<org.bson.Document> views = views(client);
      views.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
      for (int c = 0; c < 8; c++) {
        String name = "c" + c;
        Thread writer =
            new Thread(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    String id = name + "-" + i;
                    try {
                      views.insertOne(
                          new org.bson.Document("_id", id).append("key", id).append("n", 0));
                      views.updateOne(Filters.eq("_id", id), Updates.set("n", i));
                      acknowledged.add(id);
                    } catch (RuntimeException killed) {
                      return;
                    }
                  }
                });
        writer.start();
        clients.add(writer);
      }
      // Past the first commit of the store, so that some writes are in it and the last in the
      // journal only.
      Thread.sleep(DurableH2Backend.COMMIT_PERIOD_MILLIS * 3 / 2);
      backend.getMvStore().closeImmediately();
      stop.set(true);
      server.shutdownNow();
      for (Thread writer : clients) {
        writer.join(10_000);
      }
    }

    DurableH2Backend reopened = new DurableH2Backend(file().toString());
    MongoServer again = serve(reopened);
    try (MongoClient client = clientOf(again)) {
      MongoCollection<org.bson.Document> views = views(client);
      Set<String> stored = ConcurrentHashMap.newKeySet();
      for (org.bson.Document view : views.find()) {
        String id = view.getString("_id");
        stored.add(id);
        if (acknowledged.contains(id)) {
          assertThat(view.getInteger("n")).isEqualTo(Integer.parseInt(id.split("-")[1]));
        }
      }
      assertThat(acknowledged).hasSizeGreaterThan(100);
      assertThat(stored).containsAll(acknowledged);
      String someone = acknowledged.iterator().next();
      assertThatThrownBy(
              () -> views.insertOne(new org.bson.Document("_id", "again").append("key", someone)))
          .isInstanceOfSatisfying(
              MongoWriteException.class,
              e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    } finally {
      again.shutdownNow();
      reopened.close();
    }
  }

  @Test
  void an_aggregation_that_writes_a_collection_is_in_the_file_before_its_reply() throws Exception {
    DurableH2Backend backend = new DurableH2Backend(file().toString());
    MongoServer server = serve(backend);
    try (MongoClient client = clientOf(server)) {
      MongoCollection<org.bson.Document> views = views(client);
      for (int i = 0; i < 20; i++) {
        views.insertOne(new org.bson.Document("_id", "v" + i).append("n", i));
      }
      views
          .aggregate(
              List.of(
                  new org.bson.Document(
                      "$match", new org.bson.Document("n", new org.bson.Document("$gte", 10))),
                  new org.bson.Document("$merge", "copies")))
          .toCollection();
      // Killed at once: no commit of the period since.
      backend.getMvStore().closeImmediately();
      Files.delete(journal());
    } finally {
      server.shutdownNow();
    }

    MVStore store = DurableH2Backend.openAsItIs(file().toString());
    open.add(store);
    MVMap<Object, Document> copies = JournaledMap.open(store, "databases.registry.copies");
    assertThat(copies.sizeAsLong()).isEqualTo(10);
    assertThat(JournaledMap.<Object, Document>open(store, DOCUMENTS).sizeAsLong()).isEqualTo(20);
  }

  @Test
  void a_commit_writes_each_document_as_the_journal_recorded_it_and_keeps_no_bytes_after_it() {
    Opened first = reopen();
    MVMap<Object, Document> documents = first.documents();
    DocumentDataType type = (DocumentDataType) (Object) documents.getValueType();
    Document recorded = view("changed-after-its-record", 1);
    first.command(
        () -> {
          for (int i = 0; i < 200; i++) {
            documents.put("v" + i, view("v" + i, i));
          }
          documents.put("changed-after-its-record", recorded);
        });
    first.command(
        () -> {
          documents.put("v0", view("v0", 1_000));
          documents.remove("v1");
        });
    assertThat(type.kept()).as("200 put, one replaced, one removed").isEqualTo(200);
    // Stored documents are never changed in place; one that were would reach the file as the
    // journal recorded it, the same bytes a replay after a kill would put there.
    recorded.put("events", 99);

    first.journal().commitAlone(first.store(), () -> null);

    assertThat(type.kept()).as("each written by the commit").isZero();
    first.store().close();
    Opened second = reopen();
    assertThat(second.documents().get("changed-after-its-record"))
        .isEqualTo(view("changed-after-its-record", 1));
    assertThat(second.documents().get("v0")).isEqualTo(view("v0", 1_000));
    assertThat(second.documents().get("v1")).isNull();
    assertThat(second.documents().get("v199")).isEqualTo(view("v199", 199));
  }

  @Test
  void bytes_kept_for_a_document_no_commit_writes_are_dropped_a_commit_later() {
    Opened first = reopen();
    MVMap<Object, Document> documents = first.documents();
    DocumentDataType type = (DocumentDataType) (Object) documents.getValueType();
    first.command(() -> documents.put("a", view("a", 1)));
    first.journal().commitAlone(first.store(), () -> null);
    // Recorded (the value after the change is the one there), but its page is not changed.
    first.command(() -> documents.putIfAbsent("a", view("a", 2)));
    assertThat(type.kept()).isEqualTo(1);

    first.journal().commitAlone(first.store(), () -> null);
    first.command(() -> documents.put("b", view("b", 1)));
    first.journal().commitAlone(first.store(), () -> null);
    first.command(() -> documents.put("c", view("c", 1)));

    assertThat(type.kept()).as("c's alone").isEqualTo(1);
    first.journal().commitAlone(first.store(), () -> null);
    assertThat(type.kept()).isZero();
    assertThat(documents.get("a")).isEqualTo(view("a", 1));
  }

  /** A server on the backend, on a free loopback port. */
  private static MongoServer serve(DurableH2Backend backend) {
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    return server;
  }

  private static MongoClient clientOf(MongoServer server) {
    return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
  }

  private static MongoCollection<org.bson.Document> views(MongoClient client) {
    return client.getDatabase("registry").getCollection("views");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
