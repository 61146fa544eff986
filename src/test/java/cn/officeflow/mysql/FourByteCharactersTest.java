package cn.officeflow.mysql;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;

/**
 * 生僻字 (𠀀, U+20000) and emoji (😀, U+1F600) need 4 bytes in UTF-8: on utf8mb3 tables MariaDB refuses
 * them. They must come back unchanged from every place a 发文 is stored: the engine's runtime and
 * history variables, the project's own tables and the REST API.
 */
class FourByteCharactersTest extends MysqlSpringTestBase {

  static final String TITLE_4B = "关于𠀀字😀测试的通知";

  @Test
  void fourByteCharactersSurviveEngineTablesProjectTablesAndRest() throws Exception {
    assertThat(TITLE_4B.codePoints()).contains(0x20000, 0x1F600);
    // longer than the engine's 4,000-character text column: the body goes to the byte-array table
    StringBuilder text = new StringBuilder("各处室：\n为检验生僻字𠀀与表情符号😀的存储，现通知如下。（测试 " + runId() + "）\n");
    for (int i = 1; text.length() <= 6000; i++) {
      text.append(i).append("、请核对𠀀字与😀的显示是否正常，确保公文正文在各环节保持一致。\n");
    }
    String body = text.toString().strip();

    String pi =
        driver.start(
            OutgoingProcessDriver.ZHANGWEI,
            OutgoingProcessDriver.draft(TITLE_4B, body, null, null));

    String documentId = (String) engine.getRuntimeService().getVariable(pi, DOCUMENT_ID);
    assertThat(documentId).isNotBlank();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pi)
                .singleResult()
                .getBusinessKey())
        .isEqualTo(documentId);

    // the engine: runtime variables (title in ACT_RU_VARIABLE.TEXT_, the long body in
    // ACT_GE_BYTEARRAY)
    assertThat(engine.getRuntimeService().getVariable(pi, TITLE)).isEqualTo(TITLE_4B);
    assertThat(engine.getRuntimeService().getVariable(pi, BODY)).isEqualTo(body);

    // the engine: history (ACT_HI_VARINST)
    HistoricVariableInstance historicTitle =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi)
            .variableName(TITLE)
            .singleResult();
    assertThat(historicTitle.getValue()).isEqualTo(TITLE_4B);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .variableName(BODY)
                .singleResult()
                .getValue())
        .isEqualTo(body);

    // the project's own tables
    assertThat(
            jdbc.sql("select title from of_outgoing_document where id = :id")
                .param("id", documentId)
                .query(String.class)
                .single())
        .isEqualTo(TITLE_4B);
    assertThat(
            jdbc.sql(
                    "select title from of_outgoing_version where document_id = :id and version = 1")
                .param("id", documentId)
                .query(String.class)
                .single())
        .isEqualTo(TITLE_4B);
    assertThat(
            jdbc.sql("select body from of_outgoing_version where document_id = :id and version = 1")
                .param("id", documentId)
                .query(String.class)
                .single())
        .isEqualTo(body);

    // the task the next reviewer sees carries the title through the engine as well
    assertThat(driver.task(pi, TASK_DEPT_REVIEW).getProcessInstanceId()).isEqualTo(pi);

    // REST, as the drafter over HTTP Basic
    JsonNode view =
        getJson(
            "/api/outgoing-documents/" + documentId,
            OutgoingProcessDriver.ZHANGWEI,
            TestDatabase.DEMO_PASSWORD);
    assertThat(view.path("title").asText()).isEqualTo(TITLE_4B);
    assertThat(view.path("body").asText()).isEqualTo(body);
    assertThat(view.path("versions").get(0).path("title").asText()).isEqualTo(TITLE_4B);
  }

  @Test
  void everyEngineTableIsUtf8mb4() {
    List<Map<String, Object>> tables =
        jdbc.sql(
                """
        select table_name as name, table_collation as collation from information_schema.tables
        where table_schema = database() and table_type = 'BASE TABLE' and upper(table_name) like 'ACT\\_%'""")
            .query()
            .listOfRows();
    assertThat(tables)
        .as("Camunda's tables in %s", jdbc.sql("select database()").query(String.class).single())
        .hasSizeGreaterThan(40);
    assertThat(tables)
        .allSatisfy(
            t ->
                assertThat((String) t.get("collation"))
                    .as("collation of %s", t.get("name"))
                    .startsWith("utf8mb4"));

    List<String> nonUtf8mb4Columns =
        jdbc.sql(
                """
        select concat(table_name, '.', column_name, ' ', character_set_name) from information_schema.columns
        where table_schema = database() and upper(table_name) like 'ACT\\_%'
          and character_set_name is not null and character_set_name <> 'utf8mb4'""")
            .query(String.class)
            .list();
    assertThat(nonUtf8mb4Columns).as("text columns of Camunda's tables not in utf8mb4").isEmpty();

    List<String> projectTables =
        jdbc.sql(
                """
        select concat(table_name, ' ', table_collation) from information_schema.tables
        where table_schema = database() and table_type = 'BASE TABLE' and lower(table_name) like 'of\\_%'
          and table_collation not like 'utf8mb4%'""")
            .query(String.class)
            .list();
    assertThat(projectTables).as("the project's tables not in utf8mb4").isEmpty();
  }
}
