package nl.partnershipregistry.eventstore;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A database whose collections record the filter of every {@code find} and the size of every
 * insert, and can hold inserts back, for tests.
 */
final class RecordingDatabase {

  private final List<BsonDocument> findFilters = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> insertSizes = Collections.synchronizedList(new ArrayList<>());
  private volatile IntConsumer beforeInsert = documents -> {};
  private volatile Runnable beforeFind = () -> {};
  private final MongoDatabase database;

  RecordingDatabase(MongoDatabase target) {
    this.database =
        (MongoDatabase)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MongoDatabase.class},
                (proxy, method, args) -> {
                  Object result = invoke(method, target, args);
                  if (method.getName().equals("getCollection")) {
                    return recording((MongoCollection<?>) result);
                  }
                  return result;
                });
  }

  MongoDatabase database() {
    return database;
  }

  List<BsonDocument> findFilters() {
    return findFilters;
  }

  /** The number of documents of each insert, in order: 1 for {@code insertOne}. */
  List<Integer> insertSizes() {
    return insertSizes;
  }

  /** Runs {@code hook} on the reading thread before each {@code find} is built. */
  void beforeFind(Runnable hook) {
    this.beforeFind = hook;
  }

  /**
   * Runs {@code hook} on the inserting thread before each insert reaches the server, with the
   * number of documents it holds; what the hook throws, the insert throws.
   */
  void beforeInsert(IntConsumer hook) {
    this.beforeInsert = hook;
  }

  private MongoCollection<?> recording(MongoCollection<?> target) {
    return (MongoCollection<?>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {MongoCollection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("find")) {
                beforeFind.run();
                Bson filter =
                    args != null && args.length > 0 && args[0] instanceof Bson bson
                        ? bson
                        : new Document();
                findFilters.add(
                    filter.toBsonDocument(
                        Document.class, MongoClientSettings.getDefaultCodecRegistry()));
              }
              if (method.getName().equals("insertOne")) {
                insertSizes.add(1);
                beforeInsert.accept(1);
              } else if (method.getName().equals("insertMany")) {
                insertSizes.add(((List<?>) args[0]).size());
                beforeInsert.accept(((List<?>) args[0]).size());
              }
              Object result = invoke(method, target, args);
              return result instanceof MongoCollection<?> collection
                  ? recording(collection)
                  : result;
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
