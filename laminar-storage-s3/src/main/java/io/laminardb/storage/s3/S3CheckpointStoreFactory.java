package io.laminardb.storage.s3;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.checkpoint.CheckpointStore;
import io.laminardb.core.checkpoint.CheckpointStoreFactory;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * {@code s3://bucket/prefix}. Options: {@code endpoint} (an S3-compatible server; path-style addressing
 * then defaults on), {@code region} (default {@code us-east-1}), {@code access_key_id} and
 * {@code secret_access_key} (default: the SDK's credential chain), {@code path_style} ({@code true/false}).
 */
public final class S3CheckpointStoreFactory implements CheckpointStoreFactory {
  static final Set<String> OPTIONS = Set.of("endpoint", "region", "access_key_id", "secret_access_key",
      "path_style");

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public CheckpointStore open(URI location, Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new LaminarException(ErrorCode.INVALID_CONFIG, "unknown S3 checkpoint option '" + key
            + "' (known: " + new java.util.TreeSet<>(OPTIONS) + ")");
      }
    }
    String bucket = location.getHost();
    if (bucket == null || bucket.isEmpty()) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "checkpoint location " + location
          + " names no bucket (expected s3://bucket/prefix)");
    }
    S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(options.getOrDefault("region", "us-east-1")));
    String endpoint = options.get("endpoint");
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    builder.forcePathStyle(Boolean.parseBoolean(options.getOrDefault("path_style",
        String.valueOf(endpoint != null))));
    String key = options.get("access_key_id");
    String secret = options.get("secret_access_key");
    if ((key == null) != (secret == null)) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG,
          "S3 checkpoint options need both access_key_id and secret_access_key, or neither");
    }
    builder.credentialsProvider(key != null
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))
        : DefaultCredentialsProvider.builder().build());
    S3Client client = builder.build();
    S3CheckpointStore store = new S3CheckpointStore(client, bucket, location.getPath(), true);
    try {
      store.checkReachable();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return store;
  }
}
