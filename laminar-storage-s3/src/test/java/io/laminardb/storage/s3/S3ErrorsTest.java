package io.laminardb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.common.error.ErrorCode;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import org.junit.jupiter.api.Test;

/**
 * The cause named for each kind of SDK failure. S3Mock accepts any credentials, so a refusal cannot be
 * provoked against it; the SDK's exception for one is built here as the SDK builds it from a 403 answer.
 */
class S3ErrorsTest {
  private final S3Errors errors = new S3Errors("b", "p/");

  private String message(Exception e) {
    return errors.failed(ErrorCode.CHECKPOINT_FAILED, "reading x",
        (software.amazon.awssdk.core.exception.SdkException) e).getMessage();
  }

  @Test
  void accessDenied() {
    S3Exception denied = (S3Exception) S3Exception.builder().statusCode(403)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("Access Denied").build())
        .build();
    assertThat(message(denied)).isEqualTo("[LDB-6001] reading x in s3://b/p/ failed: access denied"
        + " (AccessDenied); check the credentials and the bucket policy");
  }

  @Test
  void missingBucket() {
    assertThat(message(NoSuchBucketException.builder().statusCode(404).build()))
        .endsWith("failed: bucket 'b' does not exist");
  }

  @Test
  void network() {
    assertThat(message(SdkClientException.create("Connection refused")))
        .endsWith("failed: cannot reach the object store (network): Connection refused");
  }
}
