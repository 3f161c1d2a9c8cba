package strata.intake;

import java.util.List;

/**
 * A column Strata understands, with the header names people really use for it (English and Chinese). Matching ignores
 * case, spaces, underscores, hyphens and dots, so "Customer ID", "customer_id" and "CustomerId" are one name.
 */
public enum Column {
  CUSTOMER_ID("customer_id", "customerid", "custid", "customer", "customerno", "customernumber", "customercode",
      "clientid", "memberid", "userid", "buyerid", "accountid",
      "客户编号", "客户id", "客户代码", "客户号", "客户编码", "会员id", "会员编号", "会员号", "用户id", "客户",
      "会员卡号", "买家id", "买家编号", "客户账号", "用户编号"),
  ORDER_DATE("order_date", "orderdate", "date", "transactiondate", "purchasedate", "orderdatetime", "ordertime",
      "invoicedate", "createdat", "paidat",
      "下单日期", "日期", "订单日期", "下单时间", "交易日期", "交易时间", "购买日期", "成交日期", "付款时间", "支付时间",
      "成交时间", "订购日期", "消费日期", "消费时间", "付款日期", "支付日期", "销售日期", "开票日期"),
  AMOUNT("amount", "orderamount", "total", "totalamount", "revenue", "sales", "value", "paid", "paidamount",
      "金额", "订单金额", "实付金额", "交易金额", "销售额", "成交金额", "支付金额", "总金额", "实收金额",
      "实收款", "实收", "实付", "实付款", "应收", "应收金额", "应付金额", "成交额", "付款金额", "收款金额", "订单总额",
      "销售金额", "消费金额", "含税金额", "价税合计"),
  ORDER_ID("order_id", "orderid", "orderno", "ordernumber", "invoiceno", "invoiceid", "transactionid",
      "订单编号", "订单号", "单号", "订单id", "交易编号", "流水号", "交易流水号", "订单流水号", "单据编号"),
  PRODUCT("product", "productname", "item", "sku", "productid", "产品", "产品名称", "商品", "商品名称", "品名"),
  CATEGORY("category", "productcategory", "品类", "类别", "产品类别", "商品类别", "分类"),
  QUANTITY("quantity", "qty", "units", "数量", "件数", "购买数量", "销售数量"),
  CHANNEL("channel", "saleschannel", "source", "渠道", "销售渠道", "来源"),
  NAME("name", "customername", "company", "companyname", "客户名称", "名称", "公司名称", "企业名称", "姓名", "客户姓名"),
  INDUSTRY("industry", "sector", "行业", "所属行业"),
  SIZE("size", "companysize", "segment", "规模", "企业规模", "公司规模"),
  REGION("region", "area", "province", "地区", "区域", "大区", "省份"),
  OWNER("owner", "accountowner", "salesrep", "sales", "accountmanager", "负责人", "销售", "客户经理", "归属销售", "跟进人"),
  PHONE("phone", "mobile", "tel", "telephone", "电话", "手机", "联系电话", "手机号"),
  EMAIL("email", "mail", "邮箱", "电子邮箱", "邮件"),
  BIRTHDAY("birthday", "birthdate", "dateofbirth", "生日", "出生日期"),
  CREATED("created", "createddate", "createdat", "signupdate", "registered", "创建日期", "注册日期", "建档日期", "创建时间"),
  TIME("time", "date", "datetime", "timestamp", "时间", "日期", "互动时间", "发生时间"),
  TYPE("type", "interactiontype", "kind", "类型", "互动类型", "事件类型"),
  OUTCOME("outcome", "result", "status", "结果", "处理结果", "状态"),
  NPS("nps", "npsscore", "推荐值", "nps评分", "推荐意愿"),
  CSAT("csat", "csatscore", "satisfaction", "满意度", "csat评分", "满意度评分"),
  COMMENT("comment", "comments", "feedback", "note", "评价", "备注", "意见", "反馈");

  private final String key;
  private final List<String> aliases;

  Column(String key, String... aliases) {
    this.key = key;
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
    all.add(normalise(key));
    all.addAll(List.of(aliases));
    this.aliases = List.copyOf(all);
  }

  /** The name used in options, mapping files and output, e.g. {@code customer_id}. */
  public String key() {
    return key;
  }

  /** Normalised header names recognised for this column, most specific first. */
  public List<String> aliases() {
    return aliases;
  }

  /** Header text as it is compared: lower case, without spaces, underscores, hyphens, dots or a BOM. */
  public static String normalise(String header) {
    StringBuilder sb = new StringBuilder(header.length());
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\uFEFF' || c == '\u3000' || Character.isWhitespace(c)) {
        continue;
      }
      if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0); // full-width Latin letters and digits
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }
}
