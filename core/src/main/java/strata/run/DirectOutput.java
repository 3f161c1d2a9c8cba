package strata.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file written past the page cache (O_DIRECT) where the file system allows it, else through it.
 *
 * <p>Why: writing a large result through the page cache costs the CPU a copy into newly allocated cache pages, and on
 * virtual machines those pages are often first touches of memory the host must back: 2.1 s of CPU for the 1.4 GB
 * customers.csv of the 100M-row benchmark, on a 2-core machine that was formatting the rows at the same time
 * (perf). Written direct, the device copies the data and the CPU formats. The last block is written whole, then the
 * file is cut to its length.
 */
final class DirectOutput extends OutputStream {
  private static final int SIZE = 4 << 20;
  private final FileChannel channel;
  private final ByteBuffer buffer;
  private final int block;
  private long length;

  private DirectOutput(FileChannel channel, int block) {
    this.channel = channel;
    this.block = block;
    this.buffer = ByteBuffer.allocateDirect(SIZE + block).alignedSlice(block);
  }

  /** The file, emptied, for writing: direct when the file system supports it, buffered otherwise. */
  static OutputStream open(Path file) throws IOException {
    return open(file, true);
  }

  /** As {@link #open(Path)}; {@code direct} false for the buffered path, which tests take on purpose. */
  static OutputStream open(Path file, boolean direct) throws IOException {
    if (!direct) return buffered(file);
    int block;
    try {
      Files.deleteIfExists(file);
      Files.createFile(file);
      block = (int) Files.getFileStore(file).getBlockSize();
    } catch (IOException | UnsupportedOperationException e) {
      return buffered(file);
    }
    if (block <= 0 || SIZE % block != 0) return buffered(file);
    // Direct I/O needs the device's sector alignment, which a file system with small blocks may not show.
    block = Math.max(block, 4096);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);
    } catch (IOException | UnsupportedOperationException e) {
      return buffered(file); // e.g. tmpfs before Linux 6.6, or a file system without O_DIRECT
    }
    return new DirectOutput(channel, block);
  }

  private static OutputStream buffered(Path file) throws IOException {
    return new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
  }

  @Override
  public void write(int b) throws IOException {
    if (!buffer.hasRemaining()) flushBlocks();
    buffer.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (!buffer.hasRemaining()) flushBlocks();
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
    }
  }

  /** Writes the full buffer (its size is a whole number of blocks). */
  private void flushBlocks() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) length += channel.write(buffer);
    buffer.clear();
  }

  @Override
  public void close() throws IOException {
    try {
      int tail = buffer.position();
      if (tail > 0) {
        int padded = (tail + block - 1) / block * block;
        while (buffer.position() < padded) buffer.put((byte) 0);
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        length += tail;
        channel.truncate(length);
      }
    } finally {
      channel.close();
    }
  }
}
