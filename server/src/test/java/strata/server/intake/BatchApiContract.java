package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/** The batch API: validation with the file intake's reasons, idempotent retries, changed records, hostile input. */
abstract class BatchApiContract extends ServerTest {
  @Autowired SummaryStore summaries;
  @Autowired JdbcClient db;

  private static Map<String, Object> tx(String recordId, String customer, String date, Object amount) {
    return Map.of("recordId", recordId, "customerId", customer, "date", date, "amount", amount);
  }

  private long purchases(String customer) {
    return db.sql("select count(*) from purchase where customer_id = ?").param(customer).query(Long.class).single();
  }

  @Test
  void goodRecordsAreStoredBadOnesListedAndARetryChangesNothing() {
    Api admin = admin();
    List<Object> batch = List.of(tx("T1", "B1", "2024-03-05", "¥1,280.00"), tx("T2", "B1", "2024/3/6", 20.5),
        tx("T3", "B1", "2024-03-07", "abc"), tx("T4", "B1", "2024-02-30", 1));
    JsonNode r = admin.post("/api/v1/batch/transactions", batch).json();
    assertThat(r.get("received").asInt()).isEqualTo(4);
    assertThat(r.get("inserted").asLong()).isEqualTo(2);
    assertThat(r.get("rejected").size()).isEqualTo(2);
    assertThat(r.get("rejected").get(0).get("index").asInt()).isEqualTo(2);
    assertThat(r.get("rejected").get(0).get("recordId").asString()).isEqualTo("T3");
    assertThat(r.get("rejected").get(0).get("reason").asString()).isEqualTo("bad_amount");
    assertThat(r.get("rejected").get(1).get("reason").asString()).isEqualTo("bad_date");
    // 1,280.00 + 20.50 = 1,300.50
    assertThat(summaries.load(List.of("B1")).get("B1").netCents()).isEqualTo(130_050);

    JsonNode again = admin.post("/api/v1/batch/transactions", batch).json();
    assertThat(again.get("inserted").asLong()).isZero();
    assertThat(again.get("updated").asLong()).isZero();
    assertThat(again.get("unchanged").asLong()).isEqualTo(2);
    assertThat(summaries.load(List.of("B1")).get("B1").netCents()).isEqualTo(130_050);
    assertThat(purchases("B1")).isEqualTo(2);
  }

  @Test
  void aChangedRecordIsUpdatedAndItsCustomersSummariesRebuilt() {
    Api admin = admin();
    admin.post("/api/v1/batch/transactions", List.of(tx("M1", "D1", "2024-01-01", 100), tx("M2", "D1", "2024-01-02", 50)));
    assertThat(summaries.load(List.of("D1")).get("D1").netCents()).isEqualTo(15_000);
    // M1 now 30.00 and M2 moved to customer D2: D1 = 30.00, D2 = 50.00
    JsonNode r = admin.post("/api/v1/batch/transactions",
        List.of(tx("M1", "D1", "2024-01-01", "30"), tx("M2", "D2", "2024-01-02", 50))).json();
    assertThat(r.get("updated").asLong()).isEqualTo(2);
    assertThat(summaries.load(List.of("D1")).get("D1").netCents()).isEqualTo(3_000);
    assertThat(summaries.load(List.of("D2")).get("D2").netCents()).isEqualTo(5_000);
    assertThat(summaries.load(List.of("D1")).get("D1").lines()).isEqualTo(1);
  }

  @Test
  void sqlMetacharactersAreStoredVerbatim() {
    Api admin = admin();
    String id = "C'; drop table customer; --";
    String name = "Robert'); DROP TABLE purchase;-- \"x\" \\ %_";
    JsonNode r = admin.post("/api/v1/batch/customers", List.of(Map.of("id", id, "name", name, "owner", "张伟",
        "birthday", "1990-02-03"))).json();
    assertThat(r.get("inserted").asLong()).isEqualTo(1);
    assertThat(db.sql("select name from customer where id = ?").param(id).query(String.class).single()).isEqualTo(name);
    JsonNode t = admin.post("/api/v1/batch/transactions", List.of(tx("r'1;--", id, "2024-01-01", 5))).json();
    assertThat(t.get("inserted").asLong()).isEqualTo(1);
    assertThat(purchases(id)).isEqualTo(1);
    JsonNode changed = admin.post("/api/v1/batch/customers", List.of(Map.of("id", id, "name", name, "owner", "李娜",
        "birthday", "1990-02-03"))).json();
    assertThat(changed.get("updated").asLong()).isEqualTo(1);
  }

  @Test
  void surveyAndInteractionRecordsAreCheckedByTheFileRules() {
    Api admin = admin();
    JsonNode s = admin.post("/api/v1/batch/surveys", List.of(
        Map.of("recordId", "S1", "customerId", "E1", "time", "2024-03-05 14:30", "nps", 9, "comment", "很好"),
        Map.of("recordId", "S2", "customerId", "E1", "time", "2024-03-05", "nps", 11),
        Map.of("recordId", "S3", "customerId", "E1", "time", "2024-03-05"))).json();
    assertThat(s.get("inserted").asLong()).isEqualTo(1);
    assertThat(s.get("rejected").get(0).get("reason").asString()).isEqualTo("bad_score");
    assertThat(s.get("rejected").get(1).get("reason").asString()).isEqualTo("empty_survey");
    assertThat(db.sql("select at from survey where record_id = 'S1'").query(java.time.LocalDateTime.class).single())
        .isEqualTo(java.time.LocalDateTime.of(2024, 3, 5, 14, 30));
    JsonNode i = admin.post("/api/v1/batch/interactions", List.of(
        Map.of("recordId", "I1", "customerId", "E1", "time", "2024-03-05", "type", "投诉"),
        Map.of("recordId", "I1", "customerId", "E1", "time", "2024-03-06"),
        Map.of("recordId", "I3", "customerId", "E1", "time", "2024-03-05", "type", "x".repeat(101)))).json();
    assertThat(i.get("inserted").asLong()).isEqualTo(1);
    assertThat(i.get("rejected").get(0).get("reason").asString()).isEqualTo("duplicate_record_id");
    assertThat(i.get("rejected").get(1).get("reason").asString()).isEqualTo("field_too_long");
  }

  @Test
  void malformedJsonWrongTypesAndOversizedBatchesAre4xxAndStoreNothing() {
    Api admin = admin();
    assertThat(admin.raw("POST", "/api/v1/batch/transactions", "application/json", "[{\"recordId\":".getBytes())
        .status()).isEqualTo(400);
    Api.Response wrongType = admin.post("/api/v1/batch/transactions",
        List.of(tx("W1", "W1", "2024-01-01", 5), Map.of("recordId", "W2", "customerId", "W1", "date", "2024-01-01",
            "amount", Map.of("yuan", 5))));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("[1].amount");
    assertThat(admin.post("/api/v1/batch/transactions", List.of(Map.of("recordId", "W3", "customerId", 7,
        "date", "2024-01-01", "amount", 5))).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/batch/transactions", Map.of("recordId", "W4")).status()).isEqualTo(400);
    assertThat(purchases("W1")).isZero();
    List<Object> tooMany = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) tooMany.add(tx("O" + i, "W1", "2024-01-01", 1));
    assertThat(admin.post("/api/v1/batch/transactions", tooMany).status()).isEqualTo(413);
    assertThat(purchases("W1")).isZero();
    assertThat(admin.post("/api/v1/batch/orders", List.of()).status()).isEqualTo(400);
  }

  @Test
  void controlCharactersInIdsAndNulAnywhereAre400WithTheFieldAndStoreNothing() {
    Api admin = admin();
    Api.Response nulInCustomer = admin.post("/api/v1/batch/transactions",
        List.of(tx("N1", "N1", "2024-01-01", 5), tx("N2", "N\u00002", "2024-01-01", 5)));
    assertThat(nulInCustomer.status()).isEqualTo(400);
    assertThat(nulInCustomer.json().get("errors").get(0).get("field").asString()).isEqualTo("[1].customerId");
    assertThat(nulInCustomer.json().get("errors").get(0).get("message").asString())
        .isEqualTo("must not hold control characters; found U+0000 at position 2");
    assertThat(purchases("N1")).isZero();
    Api.Response lineBreakInRecordId = admin.post("/api/v1/batch/transactions",
        List.of(tx("N3\n", "N1", "2024-01-01", 5)));
    assertThat(lineBreakInRecordId.status()).isEqualTo(400);
    assertThat(lineBreakInRecordId.json().get("errors").get(0).get("field").asString()).isEqualTo("[0].recordId");
    Api.Response unitSeparatorInCustomer = admin.post("/api/v1/batch/customers",
        List.of(Map.of("id", "K1\u001F", "name", "甲")));
    assertThat(unitSeparatorInCustomer.status()).isEqualTo(400);
    assertThat(unitSeparatorInCustomer.json().get("errors").get(0).get("field").asString()).isEqualTo("[0].id");
    Api.Response nulInComment = admin.post("/api/v1/batch/surveys", List.of(Map.of("recordId", "NS1",
        "customerId", "N1", "time", "2024-01-01", "nps", 9, "comment", "good\u0000")));
    assertThat(nulInComment.status()).isEqualTo(400);
    assertThat(nulInComment.json().get("errors").get(0).get("field").asString()).isEqualTo("[0].comment");
    Api.Response lineBreakInComment = admin.post("/api/v1/batch/surveys", List.of(Map.of("recordId", "NS2",
        "customerId", "N1", "time", "2024-01-01", "nps", 9, "comment", "good\nvery")));
    assertThat(lineBreakInComment.status()).isEqualTo(200);
    assertThat(lineBreakInComment.json().get("inserted").asLong()).isEqualTo(1);
  }

  private java.util.List<Object> customerRow(String id) {
    return db.sql("select name, industry, size, region, owner, phone, email, birthday from customer where id = ?")
        .param(id).query((rs, n) -> java.util.Arrays.<Object>asList(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getObject(8, java.time.LocalDate.class))).single();
  }

  @Test
  void aCustomerRecordChangesOnlyTheFieldsItSendsAndNullClearsOne() {
    Api admin = admin();
    admin.post("/api/v1/batch/customers", """
        [{"id":"P1","name":"甲","industry":"制造","size":"大","region":"华东","owner":"张伟",
          "phone":"138","email":"a@x.cn","birthday":"1990-02-03"}]""");
    JsonNode r = admin.post("/api/v1/batch/customers", "[{\"id\":\"P1\",\"name\":\"甲公司\",\"owner\":\"李娜\"}]")
        .json();
    assertThat(r.get("updated").asLong()).isEqualTo(1);
    // name and owner as sent; industry, size, region, phone, email and birthday as stored before
    assertThat(customerRow("P1")).containsExactly("甲公司", "制造", "大", "华东", "李娜", "138", "a@x.cn",
        java.time.LocalDate.of(1990, 2, 3));
    JsonNode again = admin.post("/api/v1/batch/customers",
        "[{\"id\":\"P1\",\"name\":\"甲公司\",\"owner\":\"李娜\"}]").json();
    assertThat(again.get("unchanged").asLong()).isEqualTo(1);
    assertThat(again.get("updated").asLong()).isZero();
    JsonNode cleared = admin.post("/api/v1/batch/customers", "[{\"id\":\"P1\",\"phone\":null,\"birthday\":null}]")
        .json();
    assertThat(cleared.get("updated").asLong()).isEqualTo(1);
    // text columns are not null in the schema: a cleared phone is empty; a birthday may be null
    assertThat(customerRow("P1")).containsExactly("甲公司", "制造", "大", "华东", "李娜", "", "a@x.cn", null);
  }

  @Test
  void replaceModeStoresTheCustomerRecordWholeAsSent() {
    Api admin = admin();
    admin.post("/api/v1/batch/customers", "[{\"id\":\"P2\",\"name\":\"乙\",\"industry\":\"零售\",\"owner\":\"张伟\"}]");
    JsonNode r = admin.post("/api/v1/batch/customers?mode=replace", "[{\"id\":\"P2\",\"name\":\"乙公司\"}]").json();
    assertThat(r.get("updated").asLong()).isEqualTo(1);
    assertThat(customerRow("P2")).containsExactly("乙公司", "", "", "", "", "", "", null);
    assertThat(admin.post("/api/v1/batch/customers?mode=replace", "[{\"id\":\"P2\",\"name\":\"乙公司\"}]").json()
        .get("unchanged").asLong()).isEqualTo(1);
    assertThat(admin.post("/api/v1/batch/customers?mode=upsert", "[]").status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/batch/transactions?mode=merge", "[]").status()).isEqualTo(400);
  }

  @Test
  void amountsBeyondAnyNumberAre4xxWithTheirFieldNever500() {
    Api admin = admin();
    for (String amount : new String[] {"1e400", "-1e400", "NaN", "Infinity", "1e99999999999"}) {
      Api.Response r = admin.raw("POST", "/api/v1/batch/transactions", "application/json",
          ("[{\"recordId\":\"H1\",\"customerId\":\"H1\",\"date\":\"2024-01-01\",\"amount\":" + amount + "}]")
              .getBytes());
      assertThat(r.status()).as(amount + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("code").asString()).isIn("invalid_request", "bad_request");
    }
    Api.Response huge = admin.raw("POST", "/api/v1/batch/transactions", "application/json",
        "[{\"recordId\":\"H2\",\"customerId\":\"H1\",\"date\":\"2024-01-01\",\"amount\":1e300}]".getBytes());
    assertThat(huge.status()).as(huge.body()).isEqualTo(200);
    assertThat(huge.json().get("rejected").get(0).get("reason").asString()).isEqualTo("amount_out_of_range");
    JsonNode text = admin.post("/api/v1/batch/transactions", List.of(tx("H3", "H1", "2024-01-01", "1e400"),
        tx("H4", "H1", "2024-01-01", "NaN"))).json();
    assertThat(text.get("rejected").get(0).get("reason").asString()).isIn("bad_amount", "amount_out_of_range");
    assertThat(text.get("rejected").get(1).get("reason").asString()).isEqualTo("bad_amount");
    assertThat(purchases("H1")).isZero();
  }
}
