package io.laminardb.core.wal;

class GroupCommitWalTest extends AbstractWalContractTest {
  @Override
  WalSync sync() {
    return WalSync.GROUP;
  }
}
