package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hex digests for MD5. Each thread keeps its digest and buffers, so a call allocates only the result
 * string.
 */
final class Digests {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private Digests() {}

  static String md5Hex(String s) {
    Scratch scratch = SCRATCH.get();
    MessageDigest md = scratch.md5;
    byte[] buf = scratch.bytes;
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (n > buf.length - 4) {
        md.update(buf, 0, n);
        n = 0;
      }
      int cp = s.codePointAt(i);
      if (cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        i++;
      }
      n = encodeUtf8(cp, buf, n);
    }
    md.update(buf, 0, n);
    return hex(scratch);
  }

  static String md5Hex(byte[] b) {
    Scratch scratch = SCRATCH.get();
    scratch.md5.update(b);
    return hex(scratch);
  }

  private static int encodeUtf8(int cp, byte[] buf, int n) {
    if (cp < 0x80) {
      buf[n++] = (byte) cp;
    } else if (cp < 0x800) {
      buf[n++] = (byte) (0xC0 | (cp >> 6));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      // A lone surrogate encodes as '?', like String.getBytes(UTF_8).
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        buf[n++] = '?';
        return n;
      }
      buf[n++] = (byte) (0xE0 | (cp >> 12));
      buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      buf[n++] = (byte) (0xF0 | (cp >> 18));
      buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    }
    return n;
  }

  private static String hex(Scratch scratch) {
    try {
      scratch.md5.digest(scratch.digest, 0, scratch.digest.length);
    } catch (java.security.DigestException e) {
      throw new LaminarException(ErrorCode.INTERNAL, "MD5 failed: " + e.getMessage(), e);
    }
    char[] out = scratch.hex;
    for (int i = 0; i < scratch.digest.length; i++) {
      out[2 * i] = HEX[(scratch.digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[scratch.digest[i] & 0xF];
    }
    return new String(out);
  }

  private static final class Scratch {
    final MessageDigest md5;
    final byte[] bytes = new byte[1024];
    final byte[] digest = new byte[16];
    final char[] hex = new char[32];

    Scratch() {
      try {
        md5 = MessageDigest.getInstance("MD5");
      } catch (NoSuchAlgorithmException e) {
        throw new LaminarException(ErrorCode.INTERNAL, "the JDK has no MD5", e);
      }
    }
  }
}
