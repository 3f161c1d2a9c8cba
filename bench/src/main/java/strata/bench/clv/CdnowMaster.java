package strata.bench.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import strata.clv.CalibrationData;
import strata.clv.SpendData;

/**
 * CDNOW master log summarised for the CLV benchmarks as in Fader, Hardie &amp; Lee (2005): same-day purchases are one
 * transaction, calibration ends 1997-09-30, weeks. Stand-in until the production intake lands.
 */
record CdnowMaster(CalibrationData calibration, SpendData spend) {

    static CdnowMaster load() {
        String shared = System.getProperty("strata.shared");
        if (shared == null) throw new IllegalStateException("-Dstrata.shared is not set: it names the folder holding "
            + "data/CDNOW_master.txt, e.g. -Dstrata.shared=../shared");
        Path file = Path.of(shared, "data", "CDNOW_master.txt");
        LocalDate end = LocalDate.of(1997, 9, 30);
        Map<String, TreeMap<LocalDate, Double>> byCustomer = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !Character.isDigit(f[f.length - 3].charAt(0))) {
                    continue;
                }
                LocalDate day = LocalDate.parse(f[f.length - 3], DateTimeFormatter.BASIC_ISO_DATE);
                byCustomer.computeIfAbsent(f[0], k -> new TreeMap<>())
                        .merge(day, Double.parseDouble(f[f.length - 1]), Double::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = byCustomer.size();
        double[] x = new double[n], tx = new double[n], t = new double[n], mean = new double[n];
        int i = 0;
        for (TreeMap<LocalDate, Double> days : byCustomer.values()) {
            LocalDate first = days.firstKey();
            Map<LocalDate, Double> calibration = days.headMap(end, true);
            x[i] = calibration.size() - 1;
            tx[i] = ChronoUnit.DAYS.between(first, days.floorKey(end)) / 7.0;
            t[i] = ChronoUnit.DAYS.between(first, end) / 7.0;
            double repeat = calibration.values().stream().mapToDouble(Double::doubleValue).sum() - days.get(first);
            mean[i] = x[i] > 0 ? repeat / x[i] : 0;
            i++;
        }
        return new CdnowMaster(new CalibrationData(x, tx, t), new SpendData(x.clone(), mean));
    }
}
