package io.laminardb.storage.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One real S3-compatible server (S3Mock, in process) for the whole test JVM, on free loopback ports: its
 * start-up costs seconds, and every test uses its own bucket.
 */
final class S3TestServer {
  static final String ACCESS_KEY = "laminar";
  static final String SECRET_KEY = "laminar-secret";
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static S3TestServer instance;

  private final S3MockApplication app;
  private final int port;

  private S3TestServer() {
    this.port = freePort();
    Map<String, Object> props = new HashMap<>();
    props.put(S3MockApplication.PROP_HTTP_PORT, port);
    // The HTTPS and vector-API listeners have fixed defaults that may be taken: move them to free ports too.
    props.put(S3MockApplication.PROP_HTTPS_PORT, freePort());
    props.put("vectors.http.port", freePort());
    props.put("vectors.https.port", freePort());
    props.put("server.address", "127.0.0.1");
    props.put(S3MockApplication.PROP_SILENT, true);
    try {
      props.put("com.adobe.testing.s3mock.store.root",
          Files.createTempDirectory("laminar-s3mock").toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // S3Mock mutates the map it is given, so it must be a mutable one.
    this.app = S3MockApplication.start(new HashMap<>(props));
  }

  static synchronized S3TestServer get() {
    if (instance == null) {
      instance = new S3TestServer();
      Runtime.getRuntime().addShutdownHook(new Thread(instance.app::stop));
    }
    return instance;
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  S3Client client(ExecutionInterceptor... interceptors) {
    return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
        .endpointOverride(URI.create(endpoint())).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .overrideConfiguration(c -> {
          for (ExecutionInterceptor i : interceptors) {
            c.addExecutionInterceptor(i);
          }
        })
        .build();
  }

  /** A new, empty bucket. */
  String newBucket() {
    String bucket = "laminar-test-" + BUCKETS.incrementAndGet();
    try (S3Client c = client()) {
      c.createBucket(b -> b.bucket(bucket));
    }
    return bucket;
  }

  /** The options that point the s3:// checkpoint store at this server. */
  Map<String, String> options() {
    return Map.of("endpoint", endpoint(), "access_key_id", ACCESS_KEY, "secret_access_key", SECRET_KEY);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
