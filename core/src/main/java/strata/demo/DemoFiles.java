package strata.demo;

import java.nio.file.Path;

/**
 * The four files written by {@link DemoDataGenerator#write}.
 *
 * @param customers customers.csv
 * @param transactions orders.csv, one row per order line
 * @param interactions interactions.csv
 * @param surveys surveys.csv
 */
public record DemoFiles(Path customers, Path transactions, Path interactions, Path surveys) {}
