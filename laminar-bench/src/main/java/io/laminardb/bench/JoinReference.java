package io.laminardb.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Plain-Java reference of the join benchmark query Q8 over {@link PersonAuctionGenerator} batches. */
final class JoinReference {
  static final long Q8_WINDOW_MS = 10_000;

  private JoinReference() {}

  /** Person id and window start, packed: ids stay below 2^24 and window numbers below 2^39. */
  private static long personWindow(long person, long ts) {
    return Math.floorDiv(ts, Q8_WINDOW_MS) << 24 | person;
  }

  /**
   * {@code id, name, ws}: every person who created an auction in the 10 s tumbling window they joined in, once
   * (people are unique, so this is NEXMark Q8's join of per-window people and per-window sellers).
   */
  static RowChecksum q8(List<List<Object[]>> batches) {
    Set<Long> sellerWindows = new HashSet<>();
    for (int b = 1; b < batches.size(); b += 2) {
      for (Object[] auction : batches.get(b)) {
        sellerWindows.add(personWindow((Long) auction[PersonAuctionGenerator.AUCTION_SELLER],
            (Long) auction[PersonAuctionGenerator.AUCTION_TS]));
      }
    }
    RowChecksum checksum = new RowChecksum();
    for (int b = 0; b < batches.size(); b += 2) {
      for (Object[] person : batches.get(b)) {
        long id = (Long) person[PersonAuctionGenerator.PERSON_ID];
        long ts = (Long) person[PersonAuctionGenerator.PERSON_TS];
        if (sellerWindows.contains(personWindow(id, ts))) {
          checksum.addValues(new Object[] {id, person[PersonAuctionGenerator.PERSON_NAME],
              Math.floorDiv(ts, Q8_WINDOW_MS) * Q8_WINDOW_MS}, 3);
        }
      }
    }
    return checksum;
  }
}
