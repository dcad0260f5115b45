package io.laminardb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import io.laminardb.core.checkpoint.AbstractCheckpointStoreContractTest;
import io.laminardb.core.checkpoint.CheckpointStore;
import io.laminardb.core.checkpoint.ManifestCodec;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The checkpoint store contract against a real S3-compatible server, plus what only object stores have. */
class S3CheckpointStoreTest extends AbstractCheckpointStoreContractTest {
  private static final String PREFIX = "db1/cp";

  private final S3TestServer server = S3TestServer.get();
  private final PutFaults faults = new PutFaults();
  private String bucket;
  private S3Client admin;

  /** Fails uploads on the client side, as a dropped connection would, while the server stays real. */
  static final class PutFaults implements ExecutionInterceptor {
    volatile int putsBeforeFailure = Integer.MAX_VALUE;
    volatile String failingKeyPart;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof PutObjectRequest put) {
        String part = failingKeyPart;
        if (part != null && put.key().contains(part)) {
          throw software.amazon.awssdk.core.exception.SdkClientException.create("connection reset (injected)");
        }
        if (putsBeforeFailure != Integer.MAX_VALUE && putsBeforeFailure-- <= 0) {
          throw software.amazon.awssdk.core.exception.SdkClientException.create("connection reset (injected)");
        }
      }
    }
  }

  @Override
  protected CheckpointStore newStore() {
    bucket = server.newBucket();
    admin = server.client();
    return new S3CheckpointStore(server.client(faults), bucket, PREFIX, true);
  }

  @Override
  protected void failAfterFirstWrite() {
    faults.putsBeforeFailure = 1;
  }

  @Override
  protected void failManifestWrites() {
    faults.failingKeyPart = MANIFEST;
  }

  @Override
  protected void heal() {
    faults.putsBeforeFailure = Integer.MAX_VALUE;
    faults.failingKeyPart = null;
  }

  private String key(long id, String file) {
    return PREFIX + "/" + String.format("checkpoint-%020d", id) + "/" + file;
  }

  @Override
  protected void tamper(long id, String file, UnaryOperator<byte[]> change) {
    String key = key(id, file);
    if (change == null) {
      admin.deleteObject(b -> b.bucket(bucket).key(key));
    } else {
      byte[] bytes = admin.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
      admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(change.apply(bytes)));
    }
  }

  private List<String> keys() {
    return admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted()
        .toList();
  }

  @Test
  void objectsLiveUnderThePrefixAndTheManifestCommits() throws java.io.IOException {
    store.save(manifest(4, blobs("s0", "s1")), blobs("s0", "s1"));
    assertThat(keys()).containsExactly(key(4, "manifest.json"), key(4, "state-0.bin"), key(4, "state-1.bin"));
    admin.deleteObject(b -> b.bucket(bucket).key(key(4, "manifest.json")));
    assertThat(store.ids()).isEmpty();
  }

  @Test
  void aSaveCutShortBeforeTheManifestIsInvisibleAndCleanedUp() throws java.io.IOException {
    faults.failingKeyPart = MANIFEST;
    faults.putsBeforeFailure = Integer.MAX_VALUE;
    assertThatThrownBy(() -> store.save(manifest(7, blobs("a", "b")), blobs("a", "b")))
        .isInstanceOf(LaminarException.class).hasMessageContaining("LDB-6001")
        .hasMessageContaining("network");
    heal();
    // A crashed process leaves its state objects behind: upload them as it would have.
    admin.putObject(b -> b.bucket(bucket).key(key(7, "state-0.bin")), RequestBody.fromString("a"));
    assertThat(store.ids()).isEmpty();
    store.cleanPartial();
    assertThat(keys()).isEmpty();
  }

  @Test
  void deleteRemovesEveryObjectOfTheCheckpoint() throws java.io.IOException {
    store.save(manifest(1, blobs("a")), blobs("a"));
    store.save(manifest(2, blobs("b", "c", "d")), blobs("b", "c", "d"));
    store.delete(2);
    assertThat(keys()).containsExactly(key(1, "manifest.json"), key(1, "state-0.bin"));
  }

  @Test
  void manifestsAreTheLocalStoresBytes() throws java.io.IOException {
    var m = manifest(3, blobs("x"));
    store.save(m, blobs("x"));
    byte[] stored = admin.getObjectAsBytes(b -> b.bucket(bucket).key(key(3, "manifest.json"))).asByteArray();
    assertThat(stored).isEqualTo(ManifestCodec.encode(m));
  }

  @Test
  void aMissingBucketIsNamed() throws java.io.IOException {
    Map<String, String> options = new HashMap<>(server.options());
    assertThatThrownBy(() -> new S3CheckpointStoreFactory().open(URI.create("s3://no-such-bucket/x"), options))
        .isInstanceOf(LaminarException.class).hasMessageContaining("LDB-6001")
        .hasMessageContaining("bucket 'no-such-bucket' does not exist");
  }

  @Test
  void anUnreachableServerIsANetworkError() throws java.io.IOException {
    Map<String, String> options = new HashMap<>(server.options());
    options.put("endpoint", "http://127.0.0.1:1");
    assertThatThrownBy(() -> new S3CheckpointStoreFactory().open(URI.create("s3://" + bucket + "/x"), options))
        .isInstanceOf(LaminarException.class).hasMessageContaining("LDB-6001")
        .hasMessageContaining("cannot reach the object store (network)");
  }

  @Test
  void badOptionsAreRejected() throws java.io.IOException {
    assertThatThrownBy(() -> new S3CheckpointStoreFactory().open(URI.create("s3://b/x"), Map.of("endpiont", "x")))
        .hasMessageContaining("LDB-0001").hasMessageContaining("unknown S3 checkpoint option 'endpiont'");
    assertThatThrownBy(() -> new S3CheckpointStoreFactory().open(URI.create("s3://b/x"),
        Map.of("access_key_id", "k"))).hasMessageContaining("both access_key_id and secret_access_key");
  }
}
