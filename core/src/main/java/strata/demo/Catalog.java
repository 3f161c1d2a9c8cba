package strata.demo;

/**
 * What the demo company sells: office, industrial and packaging supplies, software services and gift
 * boxes, the mix of a typical Chinese B2B/B2C trading SME. A few names carry an ASCII comma or quotes,
 * as real product names do, so that the files exercise RFC 4180 quoting.
 */
final class Catalog {
  private Catalog() {}

  static final String[] CATEGORIES = {
    "办公用品", "办公设备", "工业耗材", "劳保用品", "包装材料", "软件服务", "电子元器件", "食品礼盒"};

  record Product(String name, int category, long listPriceCents) {}

  static final Product[] PRODUCTS = {
    new Product("A4复印纸(5包/箱)", 0, 135_00), new Product("中性笔(12支/盒)", 0, 18_00),
    new Product("文件夹(10个装)", 0, 25_00), new Product("便利贴(24本)", 0, 30_00),
    new Product("激光打印机", 1, 1280_00), new Product("办公椅(黑色, 带扶手)", 1, 460_00),
    new Product("碎纸机", 1, 690_00), new Product("投影仪", 1, 3200_00),
    new Product("工业润滑油 18L", 2, 520_00), new Product("不锈钢螺丝(1000只/盒)", 2, 85_00),
    new Product("切削液 20L", 2, 380_00), new Product("砂轮片(50片)", 2, 150_00),
    new Product("劳保手套(12双)", 3, 36_00), new Product("安全帽", 3, 28_00),
    new Product("防护口罩(50只)", 3, 45_00), new Product("反光背心", 3, 22_00),
    new Product("瓦楞纸箱(100只)", 4, 260_00), new Product("气泡膜(1.2m×50m)", 4, 95_00),
    new Product("封箱胶带(48卷)", 4, 120_00), new Product("木托盘", 4, 110_00),
    new Product("云ERP年费(10用户)", 5, 9800_00), new Product("企业邮箱年费", 5, 1200_00),
    new Product("技术支持服务包", 5, 3600_00), new Product("数据迁移服务", 5, 5000_00),
    new Product("贴片电阻(5000只/盘)", 6, 60_00), new Product("单片机开发板", 6, 180_00),
    new Product("LED灯带(5米)", 6, 45_00), new Product("开关电源 24V", 6, 95_00),
    new Product("\"福满堂\"坚果礼盒", 7, 198_00), new Product("茶叶礼盒(明前龙井)", 7, 688_00),
    new Product("矿泉水(24瓶/箱)", 7, 32_00), new Product("中秋月饼礼盒", 7, 268_00),
  };

  /** The printer whose price the currency-formatted row carries (¥1,280.00). */
  static final Product PRINTER = PRODUCTS[4];

  /** Categories each industry mostly buys, same order as {@link Names#INDUSTRIES}; last row: individuals. */
  private static final int[][] FAVOURITES = {
    {2, 3, 4}, {4, 0, 7}, {7, 4, 3}, {5, 1, 0}, {4, 3, 2}, {3, 0, 1}, {0, 1, 5}, {3, 2, 1},
    {4, 7, 0}, {3, 4, 7}, {0, 7, 1}};

  /** Products of each category, for a uniform pick within a category. */
  static final Product[][] BY_CATEGORY = byCategory();

  private static Product[][] byCategory() {
    Product[][] by = new Product[CATEGORIES.length][];
    for (int c = 0; c < CATEGORIES.length; c++) {
      final int category = c;
      by[c] = java.util.Arrays.stream(PRODUCTS).filter(p -> p.category() == category).toArray(Product[]::new);
    }
    return by;
  }

  /** Categories an industry (or -1 for individuals) buys 70 % of the time. */
  static int[] favourites(int industry) {
    return FAVOURITES[industry < 0 ? FAVOURITES.length - 1 : industry];
  }
}
