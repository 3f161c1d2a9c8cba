package strata.spark;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;

/**
 * The side files' entries as one byte array per batch, for what the driver sends the tasks and the tasks send each
 * other. Sent as lists of entries instead, Java serialization wrote and read each profile's texts and dates as objects
 * of their own: a run of 10M rows with 1.1M entries took 74–80 s on {@code local[2]} against 54–55 s with this
 * (bench/README.md, "Side files scored in parts"), as it had for the summaries ({@link SummaryWire}).
 */
final class EntryWire {
  private EntryWire() {}

  private static final int PROFILE = 1;
  private static final int ENGAGEMENT = 2;

  static byte[] write(List<SideJoin.Entry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * entries.size() + 4);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(entries.size());
      for (SideJoin.Entry e : entries) {
        text(out, e.id());
        out.writeByte((e.profile() != null ? PROFILE : 0) | (e.engagement() != null ? ENGAGEMENT : 0));
        out.writeLong(e.order());
        CustomerProfile p = e.profile();
        if (p != null) {
          for (String s : new String[] {p.customerId(), p.name(), p.industry(), p.size(), p.region(), p.owner(),
              p.phone(), p.email()}) {
            text(out, s);
          }
          out.writeLong(p.birthday() == null ? Long.MIN_VALUE : p.birthday().toEpochDay());
          out.writeLong(p.created() == null ? Long.MIN_VALUE : p.created().toEpochDay());
        }
        Engagement g = e.engagement();
        if (g != null) {
          for (long v : new long[] {g.interactions(), g.calls(), g.visits(), g.complaints(), g.inquiries()}) {
            out.writeLong(v);
          }
          for (int v : new int[] {g.lastContactDay(), g.nps(), g.npsDay(), g.csat(), g.csatDay()}) out.writeInt(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array's stream does not fail
    }
    return bytes.toByteArray();
  }

  static List<SideJoin.Entry> read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      List<SideJoin.Entry> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = text(in);
        int has = in.readByte();
        long order = in.readLong();
        CustomerProfile profile = null;
        if ((has & PROFILE) != 0) {
          profile = new CustomerProfile(text(in), text(in), text(in), text(in), text(in), text(in), text(in),
              text(in), day(in.readLong()), day(in.readLong()));
        }
        Engagement engagement = null;
        if ((has & ENGAGEMENT) != 0) {
          engagement = new Engagement(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
              in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
        }
        entries.add(new SideJoin.Entry(id, profile, order, engagement));
      }
      return entries;
    } catch (IOException e) {
      throw new IllegalStateException("side entries cut short", e);
    }
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, UTF_8);
  }

  private static LocalDate day(long epochDay) {
    return epochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(epochDay);
  }
}
