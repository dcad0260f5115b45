package io.laminardb.core.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import io.laminardb.core.storage.FaultInjectingStorageFiles;
import io.laminardb.core.storage.LocalStorageFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The write-ahead log contract, run once per sync policy. */
abstract class AbstractWalContractTest {
  @TempDir
  Path dir;
  FaultInjectingStorageFiles files;

  abstract WalSync sync();

  @BeforeEach
  void setUp() {
    files = new FaultInjectingStorageFiles(LocalStorageFiles.INSTANCE);
  }

  WalWriter open(long segmentBytes) throws IOException {
    return new WalWriter(dir, files, sync(), segmentBytes, WalReader.scan(dir, files), 1);
  }

  static byte[] payload(int i) {
    return ("record-" + i + "-" + "x".repeat(i % 17)).getBytes(StandardCharsets.UTF_8);
  }

  long append(WalWriter wal, int i) {
    byte[] p = payload(i);
    long lsn = wal.append(p, p.length);
    wal.awaitDurable(lsn);
    return lsn;
  }

  static List<String> contents(WalReader.Scan scan) {
    List<String> out = new ArrayList<>();
    for (WalRecord r : scan.records()) {
      out.add(r.lsn() + ":" + new String(r.payload(), StandardCharsets.UTF_8));
    }
    return out;
  }

  static List<String> expected(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add((i + 1) + ":" + new String(payload(i), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void durableRecordsReadBackInOrderAcrossReopens() throws IOException {
    try (WalWriter wal = open(1 << 20)) {
      for (int i = 0; i < 20; i++) {
        assertThat(append(wal, i)).isEqualTo(i + 1);
      }
    }
    try (WalWriter wal = open(1 << 20)) {
      for (int i = 20; i < 30; i++) {
        assertThat(append(wal, i)).isEqualTo(i + 1);
      }
    }
    assertThat(contents(WalReader.scan(dir, files))).isEqualTo(expected(0, 30));
  }

  @Test
  void segmentsRollAndTruncationDropsOnlyCoveredOnes() throws IOException {
    try (WalWriter wal = open(200)) {
      for (int i = 0; i < 50; i++) {
        append(wal, i);
      }
      int before = wal.segmentCount();
      assertThat(before).isGreaterThan(3);
      wal.truncateUpTo(25);
      WalReader.Scan scan = WalReader.scan(dir, files);
      long first = scan.records().get(0).lsn();
      assertThat(first).isLessThanOrEqualTo(26).isGreaterThan(1);
      assertThat(scan.records().get(scan.records().size() - 1).lsn()).isEqualTo(50);
      assertThat(wal.segmentCount()).isLessThan(before);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 15, 16, 17, 30})
  void aTornLastRecordIsCutOffAndTheLogContinues(int cut) throws IOException {
    try (WalWriter wal = open(1 << 20)) {
      for (int i = 0; i < 10; i++) {
        append(wal, i);
      }
    }
    Path last = newestSegment();
    byte[] data = Files.readAllBytes(last);
    int lastRecord = WalRecord.HEADER_BYTES + payload(9).length;
    int keep = data.length - Math.min(cut, lastRecord - 1);
    Files.write(last, java.util.Arrays.copyOf(data, keep));
    WalReader.Scan scan = WalReader.scan(dir, files);
    assertThat(contents(scan)).isEqualTo(expected(0, 9));
    assertThat(scan.tornBytes()).isEqualTo(keep - (data.length - lastRecord));
    try (WalWriter wal = new WalWriter(dir, files, sync(), 1 << 20, scan, 1)) {
      assertThat(append(wal, 9)).isEqualTo(10);
    }
    assertThat(contents(WalReader.scan(dir, files))).isEqualTo(expected(0, 10));
  }

  @Test
  void garbageAfterTheLastRecordIsCutOff() throws IOException {
    try (WalWriter wal = open(1 << 20)) {
      for (int i = 0; i < 5; i++) {
        append(wal, i);
      }
    }
    Path last = newestSegment();
    byte[] junk = new byte[40];
    new SplittableRandom(7).nextBytes(junk);
    Files.write(last, junk, java.nio.file.StandardOpenOption.APPEND);
    WalReader.Scan scan = WalReader.scan(dir, files);
    assertThat(contents(scan)).isEqualTo(expected(0, 5));
    assertThat(scan.tornBytes()).isEqualTo(40);
  }

  @Test
  void aMissingSegmentBetweenOthersIsRefused() throws IOException {
    try (WalWriter wal = open(150)) {
      for (int i = 0; i < 30; i++) {
        append(wal, i);
      }
    }
    List<Path> segments = segments();
    assertThat(segments.size()).isGreaterThan(2);
    Files.delete(segments.get(1));
    assertThatThrownBy(() -> WalReader.scan(dir, files)).isInstanceOf(LaminarException.class)
        .hasMessageContaining("LDB-6007").hasMessageContaining("missing");
  }

  @Test
  void damageInAnOlderSegmentIsRefused() throws IOException {
    try (WalWriter wal = open(150)) {
      for (int i = 0; i < 30; i++) {
        append(wal, i);
      }
    }
    Path first = segments().get(0);
    byte[] data = Files.readAllBytes(first);
    data[WalRecord.HEADER_BYTES + 1] ^= 1;
    Files.write(first, data);
    assertThatThrownBy(() -> WalReader.scan(dir, files)).hasMessageContaining("LDB-6007")
        .hasMessageContaining("damaged");
  }

  @Test
  void concurrentAppendersAreAllDurableWithDistinctLsns() throws Exception {
    int threads = 4;
    int each = 100;
    List<Long> lsns = java.util.Collections.synchronizedList(new ArrayList<>());
    try (WalWriter wal = open(4096)) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * each;
        Thread w = new Thread(() -> {
          for (int i = 0; i < each; i++) {
            lsns.add(append(wal, base + i));
          }
        });
        workers.add(w);
        w.start();
      }
      for (Thread w : workers) {
        w.join();
      }
      assertThat(wal.durableLsn()).isEqualTo(threads * each);
    }
    assertThat(lsns).doesNotHaveDuplicates().hasSize(threads * each);
    WalReader.Scan scan = WalReader.scan(dir, files);
    assertThat(scan.records()).hasSize(threads * each);
    for (int i = 0; i < scan.records().size(); i++) {
      assertThat(scan.records().get(i).lsn()).isEqualTo(i + 1);
    }
  }

  @Test
  void aWriteFailureFailsTheWaiterAndEveryLaterAppend() throws IOException {
    WalWriter wal = open(1 << 20);
    append(wal, 0);
    files.diskFullAfter(0);
    byte[] p = payload(1);
    assertThatThrownBy(() -> {
      long lsn = wal.append(p, p.length);
      wal.awaitDurable(lsn);
    }).isInstanceOf(LaminarException.class).hasMessageContaining("LDB-6006").hasMessageContaining("No space");
    files.heal();
    assertThatThrownBy(() -> wal.append(p, p.length)).hasMessageContaining("LDB-6006");
    assertThat(contents(WalReader.scan(dir, files))).isEqualTo(expected(0, 1));
  }

  @Test
  void startingBeyondCoveredRecordsDropsOldSegments() throws IOException {
    try (WalWriter wal = open(1 << 20)) {
      for (int i = 0; i < 5; i++) {
        append(wal, i);
      }
    }
    try (WalWriter wal = new WalWriter(dir, files, sync(), 1 << 20, WalReader.scan(dir, files), 100)) {
      byte[] p = payload(0);
      long lsn = wal.append(p, p.length);
      wal.awaitDurable(lsn);
      assertThat(lsn).isEqualTo(100);
    }
    WalReader.Scan scan = WalReader.scan(dir, files);
    assertThat(scan.records()).extracting(WalRecord::lsn).containsExactly(100L);
  }

  Path newestSegment() throws IOException {
    List<Path> s = segments();
    Path newest = null;
    for (Path p : s) {
      if (Files.size(p) > 0) {
        newest = p;
      }
    }
    // The writer opened an empty segment only if it rolled; remove empties so the torn one is newest.
    for (Path p : s) {
      if (Files.size(p) == 0) {
        Files.delete(p);
      }
    }
    return newest;
  }

  List<Path> segments() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
    }
  }
}
