package strata.demo;

import org.hipparchus.random.RandomDataGenerator;

/**
 * Word pools for plausible Chinese customer records. The demo data is the product's first impression
 * for a Chinese SME, so names follow the real registration pattern (城市 + 字号 + 行业用语 + 有限公司)
 * and cities agree with the 地区 column.
 */
final class Names {
  private Names() {}

  static final String[] REGIONS = {"华东", "华南", "华北", "华中", "西南", "西北", "东北"};
  /** Share of customers per region: the coast dominates SME activity. */
  static final double[] REGION_WEIGHTS = {0.35, 0.22, 0.15, 0.11, 0.09, 0.04, 0.04};

  /** Cities per region, same order as {@link #REGIONS}. */
  static final String[][] CITIES = {
    {"上海", "杭州", "苏州", "南京", "宁波", "无锡", "合肥", "青岛", "济南", "厦门", "福州"},
    {"广州", "深圳", "东莞", "佛山", "南宁", "海口"},
    {"北京", "天津", "石家庄", "太原", "呼和浩特"},
    {"武汉", "长沙", "郑州", "南昌"},
    {"成都", "重庆", "昆明", "贵阳"},
    {"西安", "兰州", "银川", "乌鲁木齐"},
    {"沈阳", "大连", "哈尔滨", "长春"},
  };

  /** Two of these make a 字号; the pinyin builds company e-mail domains. */
  static final String[] TRADE_CHARS = {
    "华", "鑫", "盛", "恒", "达", "兴", "瑞", "源", "宏", "泰", "锦", "博", "创", "嘉", "德", "信",
    "诚", "通", "联", "远", "丰", "益", "腾", "凯", "宇", "明", "安", "和", "众", "佳", "启", "智",
    "金", "晨", "天", "海", "新", "力", "立", "正"};
  static final String[] TRADE_PINYIN = {
    "hua", "xin", "sheng", "heng", "da", "xing", "rui", "yuan", "hong", "tai", "jin", "bo", "chuang",
    "jia", "de", "xin", "cheng", "tong", "lian", "yuan", "feng", "yi", "teng", "kai", "yu", "ming",
    "an", "he", "zhong", "jia", "qi", "zhi", "jin", "chen", "tian", "hai", "xin", "li", "li", "zheng"};

  static final String INDIVIDUAL_INDUSTRY = "个人";
  static final String[] INDUSTRIES = {
    "制造业", "零售", "餐饮", "软件和信息技术", "物流", "医疗健康", "教育", "建筑", "批发贸易", "农业"};
  static final double[] INDUSTRY_WEIGHTS = {0.24, 0.16, 0.09, 0.10, 0.08, 0.07, 0.06, 0.08, 0.08, 0.04};
  /** Words that follow the 字号 in a registered name, per industry above. */
  static final String[][] INDUSTRY_WORDS = {
    {"机械制造", "精密机械", "电子科技", "五金制品", "塑胶制品", "模具"},
    {"商贸", "百货", "便利店管理", "连锁超市"},
    {"餐饮管理", "餐饮服务", "食品"},
    {"信息技术", "软件", "网络科技", "数据科技"},
    {"物流", "供应链管理", "货运代理"},
    {"医疗器械", "健康科技", "生物科技"},
    {"教育科技", "文化传播", "职业培训"},
    {"建筑工程", "建设工程", "装饰工程"},
    {"贸易", "进出口", "实业"},
    {"农业科技", "农产品", "生态农业"},
  };
  static final String[] INDUSTRY_DOMAIN = {
    "tech", "trade", "food", "soft", "logistics", "med", "edu", "build", "trading", "agri"};

  static final String[] SIZES = {"大型", "中型", "小型", "微型"};
  static final int LARGE = 0;
  static final int MEDIUM = 1;
  static final int SMALL = 2;
  static final int MICRO = 3;

  /** The sales team; which reps cover which region is in {@code Population}. */
  static final String[] REPS = {"王建国", "李晓梅", "张伟", "陈静", "刘洋", "赵敏", "孙浩", "周婷"};

  /** The 20 most common surnames, roughly by frequency, with pinyin for personal e-mails. */
  static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "高", "罗"};
  static final String[] SURNAME_PINYIN = {
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "he", "lin", "gao", "luo"};
  static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "霞", "平", "刚", "婷", "浩", "宇", "欣", "佳", "俊", "雪", "慧", "鹏", "琳"};
  static final String[] GIVEN_PINYIN = {
    "wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie",
    "juan", "tao", "ming", "chao", "xia", "ping", "gang", "ting", "hao", "yu", "xin", "jia", "jun",
    "xue", "hui", "peng", "lin"};

  static final String[] MOBILE_PREFIXES = {
    "138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188",
    "189", "133", "153", "180", "181", "177", "199"};

  static String pick(RandomDataGenerator rng, String[] words) {
    return words[rng.nextInt(words.length)];
  }

  /** Index drawn with the given weights (they need not sum to exactly 1). */
  static int pickWeighted(RandomDataGenerator rng, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Uniform in {@code from..to}, both included; unlike the library call, {@code from == to} is fine. */
  static long between(RandomDataGenerator rng, long from, long to) {
    return from == to ? from : rng.nextLong(from, to);
  }
}
