package cn.officeflow.platform.docgen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Four 公文 that together show every element GB/T 9704 lays out: a short 通知, a multi-page 请示
 * with 签发人 and 附注, a 秘密 特急 document with 份号 and 保密期限, and a document with four heading
 * levels, attachments and 抄送. Used by the renderer test and the bench.
 */
final class RenderingSamples {

  private static final String[] SENTENCES = {
    "各单位要高度重视公文处理工作，切实加强组织领导，明确责任分工，确保各项要求落到实处。",
    "公文起草应当做到符合国家法律法规和党的路线方针政策，完整准确体现发文机关意图。",
    "行文应当确有必要，讲求实效，注重针对性和可操作性，坚决精简文件数量和篇幅。",
    "办公室负责统筹协调和督促检查，对执行中发现的问题及时研究提出处理意见。",
    "各部门要结合工作实际，制定具体实施方案，细化工作措施，按时报送工作进展情况。",
    "对工作推进不力、敷衍塞责的单位和个人，将按照有关规定严肃追究责任。",
    "请各单位于每月五日前将上月工作情况书面报送市政府办公室秘书科。",
  };

  private RenderingSamples() {}

  static Map<String, OfficialDocument> documents() {
    Map<String, OfficialDocument> docs = new LinkedHashMap<>();
    docs.put(
        "short-notice",
        doc(
            null,
            null,
            null,
            "普通",
            "行办发〔2026〕7号",
            false,
            null,
            "关于做好2026年元旦春节期间值班工作的通知",
            body(3, 0),
            List.of(),
            "市委办公室，市人大常委会办公室",
            null));
    docs.put(
        "request-with-signer",
        doc(
            null,
            null,
            null,
            "加急",
            "行办文〔2026〕12号",
            true,
            "王建国",
            "关于申请安排办公用房维修改造资金的请示",
            body(14, 1),
            List.of(),
            "市财政局",
            "联系人：李明，电话：010-12345678"));
    docs.put(
        "secret-urgent",
        doc(
            "000123",
            "秘密",
            "1年",
            "特急",
            "行办发〔2026〕21号",
            false,
            null,
            "关于加强涉密文件管理工作的通知",
            body(5, 2),
            List.of("涉密文件清点登记表", "涉密载体管理责任书"),
            "市委保密办，市国家保密局",
            null));
    docs.put(
        "headings-attachments-copy",
        doc(
            null,
            null,
            null,
            null,
            "行办发〔2026〕33号",
            false,
            null,
            "关于进一步规范公文处理工作的通知",
            String.join(
                "\n",
                SENTENCES[0] + SENTENCES[1],
                "一、总体要求",
                SENTENCES[2] + SENTENCES[3] + SENTENCES[4],
                "（一）严格执行标准。" + SENTENCES[1] + SENTENCES[2],
                "（二）规范文种使用",
                "1.准确选用文种。" + SENTENCES[3] + SENTENCES[4],
                "2.严格控制发文数量",
                SENTENCES[5] + SENTENCES[0],
                "（1）联合行文应当确有必要。" + SENTENCES[2],
                "（2）严格审核把关",
                SENTENCES[3] + SENTENCES[6],
                "二、工作措施",
                SENTENCES[4] + SENTENCES[5] + SENTENCES[6]),
            List.of("公文格式自查表", "各单位联系人名单", "公文处理常见问题及改进建议汇编"),
            "市委办公室，市人大常委会办公室，市政协办公室，市纪委监委办公室，市中级人民法院，市人民检察院",
            null));
    docs.put("blank-page-before-imprint", blankPageBeforeImprint());
    return docs;
  }

  /**
   * A 通知 whose 落款 ends on an even page with no room left for the 版记: the 版记 goes two pages on,
   * after a blank odd page. Found by growing the body until the page count says so.
   */
  private static OfficialDocument blankPageBeforeImprint() {
    for (int sentences = 1; sentences < 200; sentences++) {
      StringBuilder body = new StringBuilder(body(4, 3));
      for (int s = 0; s < sentences; s++) {
        body.append(SENTENCES[s % SENTENCES.length]);
      }
      OfficialDocument doc =
          doc(
              null,
              null,
              null,
              null,
              "行办发〔2026〕40号",
              false,
              null,
              "关于做好年度工作总结的通知",
              body.toString(),
              List.of(),
              "市委办公室",
              null);
      if (DocxModel.from(doc).imprintPageBreaks() == 2) {
        return doc;
      }
    }
    throw new IllegalStateException("no body length puts the 版记 after a blank page");
  }

  /** {@code paragraphs} paragraphs of three to five sentences each; {@code seed} varies the mix. */
  static String body(int paragraphs, int seed) {
    List<String> out = new ArrayList<>();
    for (int p = 0; p < paragraphs; p++) {
      StringBuilder paragraph = new StringBuilder();
      int sentences = 3 + (p + seed) % 3;
      for (int s = 0; s < sentences; s++) {
        paragraph.append(SENTENCES[(p * 3 + s + seed) % SENTENCES.length]);
      }
      out.add(paragraph.toString());
    }
    return String.join("\n", out);
  }

  private static OfficialDocument doc(
      String copyNumber,
      String secrecy,
      String secrecyPeriod,
      String urgency,
      String number,
      boolean upward,
      String signer,
      String title,
      String body,
      List<String> attachments,
      String copyTo,
      String notes) {
    LocalDate date = LocalDate.of(2026, 11, 23);
    return new OfficialDocument(
        "××市人民政府办公室文件",
        copyNumber,
        secrecy,
        secrecyPeriod,
        urgency,
        number,
        upward,
        signer,
        title,
        upward ? "市人民政府" : "各区县人民政府，市政府各部门",
        body,
        attachments,
        "××市人民政府办公室",
        date,
        copyTo,
        "××市人民政府办公室",
        date,
        notes);
  }
}
