package io.laminardb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NEXMark-style people and auctions, deterministic per seed, as one event sequence: event time advances 1 ms per
 * event from {@link BidGenerator#START_TIME_MS}, jittered back by up to {@link #MAX_DISORDER_MS}; one event in
 * four is a new person (NEXMark's 1:3 ratio), the rest are auctions. Person ids count up from
 * {@link BidGenerator#FIRST_PERSON}; an auction's seller is, half of the time, one of the {@link #RECENT_SELLERS}
 * newest people (so Q8 finds sellers who joined in the same window), else anyone who exists so far.
 *
 * <p>Rows: persons {@code id, name, city, ts}; auctions {@code id, seller, category, reserve, ts}.
 */
public final class PersonAuctionGenerator {
  public static final int MAX_DISORDER_MS = 20;
  public static final int RECENT_SELLERS = 50;
  public static final long FIRST_AUCTION = 1_000;

  public static final String PERSON_COLUMNS =
      "id BIGINT NOT NULL, name VARCHAR NOT NULL, city VARCHAR NOT NULL, ts TIMESTAMP(3) NOT NULL";
  public static final String AUCTION_COLUMNS = "id BIGINT NOT NULL, seller BIGINT NOT NULL,"
      + " category BIGINT NOT NULL, reserve BIGINT NOT NULL, ts TIMESTAMP(3) NOT NULL";
  public static final int PERSON_ID = 0;
  public static final int PERSON_NAME = 1;
  public static final int PERSON_TS = 3;
  public static final int AUCTION_SELLER = 1;
  public static final int AUCTION_TS = 4;

  private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
      "Sarah", "Deiter", "Walter"};
  private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith",
      "Jones", "Noris"};
  private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
      "Redmond", "Seattle", "Kent", "Cheyenne"};
  private static final String[] NAMES = new String[FIRST_NAMES.length * LAST_NAMES.length];

  static {
    for (int f = 0; f < FIRST_NAMES.length; f++) {
      for (int l = 0; l < LAST_NAMES.length; l++) {
        NAMES[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
      }
    }
  }

  private final SplittableRandom random;
  private long index;
  private long nextPerson = BidGenerator.FIRST_PERSON;
  private long nextAuction = FIRST_AUCTION;

  public PersonAuctionGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code CREATE SOURCE persons (...)} and {@code CREATE SOURCE auctions (...)}, watermark 1 s behind. */
  public static List<String> createSourceSqls() {
    return List.of(
        "CREATE SOURCE persons (" + PERSON_COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)",
        "CREATE SOURCE auctions (" + AUCTION_COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
  }

  /** Whether the next event is a person; the first event always is, so every auction has a seller. */
  private boolean isPersonNext() {
    return nextPerson == BidGenerator.FIRST_PERSON || random.nextInt(4) == 0;
  }

  /** Appends the next event to {@code persons} or {@code auctions}. */
  public void next(List<Object[]> persons, List<Object[]> auctions) {
    long ts = BidGenerator.START_TIME_MS + index++ - random.nextInt(MAX_DISORDER_MS + 1);
    if (isPersonNext()) {
      long id = nextPerson++;
      persons.add(new Object[] {id, NAMES[random.nextInt(NAMES.length)], CITIES[random.nextInt(CITIES.length)],
          ts});
      return;
    }
    long people = nextPerson - BidGenerator.FIRST_PERSON;
    long seller = random.nextBoolean()
        ? nextPerson - 1 - random.nextInt((int) Math.min(RECENT_SELLERS, people))
        : BidGenerator.FIRST_PERSON + random.nextLong(people);
    auctions.add(new Object[] {nextAuction++, seller, 10L + random.nextInt(5), 100L + random.nextInt(10_000),
        ts});
  }

  /**
   * {@code events} events cut into chunks of {@code batchSize}; each chunk becomes its persons batch followed by
   * its auctions batch, so batch {@code 2k} goes to {@code persons} and batch {@code 2k + 1} to {@code auctions}.
   */
  public static List<List<Object[]>> batches(long seed, int events, int batchSize) {
    PersonAuctionGenerator generator = new PersonAuctionGenerator(seed);
    List<List<Object[]>> batches = new ArrayList<>(2 * (events / batchSize + 1));
    for (int start = 0; start < events; start += batchSize) {
      int n = Math.min(batchSize, events - start);
      List<Object[]> persons = new ArrayList<>(n / 3);
      List<Object[]> auctions = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        generator.next(persons, auctions);
      }
      batches.add(persons);
      batches.add(auctions);
    }
    return batches;
  }
}
