package strata.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-side reader of the public CDNOW logs (customer id, yyyymmdd date, quantity, amount; the sample has an extra
 * leading id column, the master a header line), summarised as in Fader, Hardie &amp; Lee (2005): purchases on one day are
 * one transaction, calibration 1997-01-01..1997-09-30, holdout to 1998-06-30, time in weeks. T is measured as in BTYD's
 * {@code T.cal}: days from the first purchase to 1997-09-30, over 7 (tx likewise from the first purchase).
 */
record Cdnow(CalibrationData calibration, SpendData spend, double[] holdoutPurchases, double holdoutWeeks) {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

    static Cdnow sample() {
        return read("CDNOW_sample.txt");
    }

    static Cdnow master() {
        return read("CDNOW_master.txt");
    }

    static Path sharedData(String file) {
        String shared = System.getProperty("strata.shared");
        if (shared == null) throw new IllegalStateException("-Dstrata.shared is not set: it names the folder holding data/CDNOW_master.txt (the Maven build sets it to ../shared)");
        return Path.of(shared, "data", file);
    }

    static Cdnow read(String file) {
        Map<String, TreeMap<LocalDate, Double>> spendByDay = new TreeMap<>();
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        try {
            for (String line : Files.readAllLines(sharedData(file))) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !Character.isDigit(f[f.length - 3].charAt(0))) {
                    continue; // header line of the master file
                }
                LocalDate day = LocalDate.parse(f[f.length - 3], yyyymmdd);
                spendByDay.computeIfAbsent(f[0], k -> new TreeMap<>())
                        .merge(day, Double.parseDouble(f[f.length - 1]), Double::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summarise(new ArrayList<>(spendByDay.values()));
    }

    private static Cdnow summarise(List<TreeMap<LocalDate, Double>> customers) {
        int n = customers.size();
        double[] x = new double[n], tx = new double[n], t = new double[n], holdout = new double[n], mean = new double[n];
        for (int i = 0; i < n; i++) {
            TreeMap<LocalDate, Double> days = customers.get(i);
            LocalDate first = days.firstKey();
            Map<LocalDate, Double> calibration = days.headMap(CALIBRATION_END, true);
            LocalDate last = days.floorKey(CALIBRATION_END);
            x[i] = calibration.size() - 1;
            tx[i] = weeks(first, last);
            t[i] = weeks(first, CALIBRATION_END);
            holdout[i] = days.subMap(CALIBRATION_END, false, HOLDOUT_END, true).size();
            double repeatSpend = calibration.values().stream().mapToDouble(Double::doubleValue).sum() - days.get(first);
            mean[i] = x[i] > 0 ? repeatSpend / x[i] : 0;
        }
        return new Cdnow(new CalibrationData(x, tx, t), new SpendData(x.clone(), mean), holdout,
                weeks(CALIBRATION_END, HOLDOUT_END));
    }

    private static double weeks(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 7.0;
    }
}
