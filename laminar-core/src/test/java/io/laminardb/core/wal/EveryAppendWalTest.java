package io.laminardb.core.wal;

class EveryAppendWalTest extends AbstractWalContractTest {
  @Override
  WalSync sync() {
    return WalSync.EVERY_APPEND;
  }
}
