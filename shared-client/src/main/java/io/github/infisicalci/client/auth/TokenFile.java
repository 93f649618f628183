package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.AuthenticationException;
import io.github.infisicalci.client.RequestContext;
import io.github.infisicalci.client.SecretValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/** Reads a token file (a Kubernetes service-account token) at each login; Kubernetes rotates it. */
final class TokenFile implements Supplier<SecretValue> {
  private final Path file;

  TokenFile(Path file) {
    this.file = file;
  }

  @Override
  public SecretValue get() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new AuthenticationException("Kubernetes service-account token file '" + file
          + "' does not exist (is the identity running in a pod with a mounted service account?)", RequestContext.none());
    } catch (IOException e) {
      throw new AuthenticationException("Kubernetes service-account token file '" + file + "' cannot be read ("
          + e.getClass().getSimpleName() + ")", RequestContext.none());
    }
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    Arrays.fill(bytes, (byte) 0);
    int start = chars.position();
    int end = chars.limit();
    while (start < end && Character.isWhitespace(chars.get(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(chars.get(end - 1))) {
      end--;
    }
    char[] trimmed = new char[end - start];
    for (int i = 0; i < trimmed.length; i++) {
      trimmed[i] = chars.get(start + i);
    }
    if (chars.hasArray()) {
      Arrays.fill(chars.array(), '\0');
    }
    SecretValue value = SecretValue.of(trimmed);
    Arrays.fill(trimmed, '\0');
    return value;
  }
}
