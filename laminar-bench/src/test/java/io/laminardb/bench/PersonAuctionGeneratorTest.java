package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonAuctionGeneratorTest {
  @Test
  void chunksSplitIntoPersonsThenAuctionsWithKnownSellers() {
    List<List<Object[]>> batches = PersonAuctionGenerator.batches(5, 10_000, 1024);
    assertThat(batches).hasSize(20);
    long people = 0;
    long auctions = 0;
    long nextPerson = BidGenerator.FIRST_PERSON;
    for (int b = 0; b < batches.size(); b += 2) {
      assertThat(batches.get(b).size() + batches.get(b + 1).size()).isEqualTo(b == 18 ? 10_000 - 9 * 1024 : 1024);
      for (Object[] person : batches.get(b)) {
        assertThat(person[PersonAuctionGenerator.PERSON_ID]).isEqualTo(nextPerson++);
        people++;
      }
      for (Object[] auction : batches.get(b + 1)) {
        // a seller is a person created in this chunk or earlier
        assertThat((Long) auction[PersonAuctionGenerator.AUCTION_SELLER]).isBetween(BidGenerator.FIRST_PERSON,
            nextPerson - 1);
        auctions++;
      }
    }
    // NEXMark's one person per three auctions
    assertThat(people).isBetween(2_300L, 2_700L);
    assertThat(people + auctions).isEqualTo(10_000);
  }

  @Test
  void q8ReferenceCountsEachPersonOnce() {
    List<List<Object[]>> batches = PersonAuctionGenerator.batches(5, 50_000, 1024);
    RowChecksum q8 = JoinReference.q8(batches);
    long people = 0;
    for (int b = 0; b < batches.size(); b += 2) {
      people += batches.get(b).size();
    }
    // about half the auctions go to one of the 50 newest people: most people sell in their own window
    assertThat(q8.count()).isPositive().isLessThanOrEqualTo(people);
    assertThat(q8.count()).isGreaterThan(people / 2);
    assertThat(JoinReference.q8(PersonAuctionGenerator.batches(5, 50_000, 1024)).checksum())
        .isEqualTo(q8.checksum());
  }
}
