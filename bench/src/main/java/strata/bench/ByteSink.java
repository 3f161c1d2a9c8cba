package strata.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer with just the number formatting the generator needs. Hand-written hot
 * path: the generator writes 300M fields for a 100M-row file, and building Strings per field
 * would allocate and encode each of them. Resulting speed (10M rows in 2.3 s) is in bench/README.md.
 */
final class ByteSink {
    private byte[] bytes;
    private int length;

    ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(64, initialCapacity)];
    }

    ByteSink put(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    ByteSink put(byte[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    /** Writes a non-negative number left-padded with zeros to {@code width} digits. */
    ByteSink putPadded(long value, int width) {
        int digits = Math.max(width, digitCount(value));
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
        return this;
    }

    /** Writes an amount in cents as a decimal with two places: -1234 becomes "-12.34". */
    ByteSink putCents(long cents) {
        if (cents < 0) {
            put((byte) '-');
            cents = -cents;
        }
        putPadded(cents / 100, 1);
        put((byte) '.');
        return putPadded(cents % 100, 2);
    }

    int length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    private static int digitCount(long value) {
        int count = 1;
        while (value >= 10) {
            value /= 10;
            count++;
        }
        return count;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
