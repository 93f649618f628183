package io.github.infisicalci.jenkins.console;

import io.github.infisicalci.mask.Masker;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A log stream that starts masking once secrets become known. Freestyle builds decorate their log when
 * the build starts, before the wrapper has fetched anything; this stream asks {@code source} at each
 * write and, from the first time it answers, writes everything through that masker.
 */
public final class LateMaskingOutputStream extends OutputStream {
  private final OutputStream raw;
  private final Supplier<Masker> source;
  private OutputStream out;

  public LateMaskingOutputStream(OutputStream raw, Supplier<Masker> source) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.source = Objects.requireNonNull(source, "source");
    this.out = raw;
  }

  private OutputStream target() {
    if (out == raw) {
      Masker m = source.get();
      if (m != null) {
        out = m.wrap(raw);
      }
    }
    return out;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    target().write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    target().write(b, off, len);
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
