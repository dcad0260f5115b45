package io.laminardb.storage.s3;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns SDK exceptions into messages that say what to fix: the bucket, the credentials or the network. */
final class S3Errors {
  private final String bucket;
  private final String location;

  S3Errors(String bucket, String prefix) {
    this.bucket = bucket;
    this.location = "s3://" + bucket + "/" + prefix;
  }

  LaminarException failed(ErrorCode code, String what, SdkException e) {
    return new LaminarException(code, what + " in " + location + " failed: " + reason(e), e);
  }

  private String reason(SdkException e) {
    if (e instanceof NoSuchBucketException) {
      return "bucket '" + bucket + "' does not exist";
    }
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      String code = s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode();
      if ("NoSuchBucket".equals(code) || (status == 404 && code == null)) {
        return "bucket '" + bucket + "' does not exist";
      }
      if (status == 403 || "AccessDenied".equals(code) || "InvalidAccessKeyId".equals(code)
          || "SignatureDoesNotMatch".equals(code)) {
        return "access denied (" + code + "); check the credentials and the bucket policy";
      }
      return "HTTP " + status + " " + code + ": " + s3.getMessage();
    }
    if (e instanceof SdkClientException) {
      return "cannot reach the object store (network): " + e.getMessage();
    }
    return e.getMessage();
  }
}
