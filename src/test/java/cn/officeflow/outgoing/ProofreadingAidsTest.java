package cn.officeflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.outgoing.ProofreadingAids.ProofreadingFindings;
import cn.officeflow.outgoing.ProofreadingAids.ProofreadingInput;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProofreadingAidsTest {

  private static final LocalDate ISSUE = LocalDate.of(2026, 11, 23);

  private static final String CLEAN_BODY =
      String.join(
          "\n",
          "　　为进一步规范公文办理，现就相关事项通知如下。",
          "　　一、工作目标",
          "　　2026年12月31日前完成全部整改任务。",
          "",
          "　　二、工作要求",
          "　　（一）明确分工",
          "　　各单位按照《公文办理规范》（附件1）组织实施。",
          "　　1.报送材料",
          "　　具体材料见附件2《整改任务清单》。",
          "　　2.反馈时限",
          "　　请于12月15日前报送。",
          "　　（二）加强督导",
          "　　办公室将适时开展检查。",
          "",
          "　　附件：1.公文办理规范",
          "　　　　　2.整改任务清单");

  private static final String CLEAN_ATTACHMENTS = "附件1：公文办理规范.docx\n附件2：整改任务清单.xlsx";

  private final ProofreadingAids aids = new ProofreadingAids();

  /** 一份各项都规范的公文，测试中只改动需要的字段。 */
  private static final class Doc {
    String title = "关于开展公文办理专项整改的通知";
    String docType = "通知";
    String recipients = "各区县人民政府，市政府各部门：";
    String body = CLEAN_BODY;
    String attachments = CLEAN_ATTACHMENTS;
    String number = "京政办发〔2026〕12号";
    String code = "京政办发";
    LocalDate date = ISSUE;

    Doc title(String value) {
      title = value;
      return this;
    }

    Doc docType(String value) {
      docType = value;
      return this;
    }

    Doc recipients(String value) {
      recipients = value;
      return this;
    }

    Doc body(String... paragraphs) {
      body = String.join("\n", paragraphs);
      return this;
    }

    Doc attachments(String value) {
      attachments = value;
      return this;
    }

    Doc number(String value) {
      number = value;
      return this;
    }

    Doc date(LocalDate value) {
      date = value;
      return this;
    }

    ProofreadingInput input() {
      return new ProofreadingInput(
          title, docType, recipients, body, attachments, number, code, date);
    }
  }

  private static Doc doc() {
    return new Doc();
  }

  private ProofreadingFindings check(Doc doc) {
    return aids.check(doc.input());
  }

  private List<String> format(Doc doc) {
    return check(doc).format();
  }

  private List<String> wording(Doc doc) {
    return check(doc).wording();
  }

  private List<String> attachments(Doc doc) {
    return check(doc).attachments();
  }

  private static List<String> errors(List<String> findings) {
    return findings.stream()
        .filter(f -> !ProofreadingFindings.isNote(f))
        .collect(Collectors.toList());
  }

  @Nested
  class CleanDocument {

    @Test
    void cleanDocumentHasNoFindings() {
      ProofreadingFindings findings = check(doc());

      assertThat(findings.format()).isEmpty();
      assertThat(findings.wording()).isEmpty();
      assertThat(findings.attachments()).isEmpty();
      assertThat(findings.formatText()).isEqualTo("未发现问题。");
      assertThat(findings.wordingText()).isEqualTo("未发现问题。");
      assertThat(findings.attachmentsText()).isEqualTo("未发现问题。");
    }

    @Test
    void cleanDocumentWithLegalTermsStillHasNoFormatOrAttachmentErrors() {
      Doc doc = doc().body(CLEAN_BODY.replace("各单位按照", "各单位应当按照"));

      ProofreadingFindings findings = check(doc);

      assertThat(findings.format()).isEmpty();
      assertThat(findings.attachments()).isEmpty();
      assertThat(findings.wording()).singleElement().asString().startsWith("“应当”共1处");
    }

    @Test
    void emptyInputDoesNotFailAndReportsMissingFields() {
      ProofreadingFindings findings =
          aids.check(new ProofreadingInput(null, null, null, null, null, null, null, null));

      assertThat(findings.format()).contains("文号：未填写。", "标题：未填写。", "成文日期：未填写。");
      assertThat(findings.wording()).isEmpty();
      assertThat(findings.attachments()).isEmpty();
    }

    @Test
    void nullInputIsRejected() {
      assertThatThrownBy(() -> aids.check(null)).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class DocumentNumber {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "京政办发[2026]12号      | 年份应使用六角括号“〔〕”，不应使用“[]”",
          "京政办发(2026)12号      | 不应使用“()”",
          "京政办发（2026）12号    | 不应使用“（）”",
          "京政办发【2026】12号    | 不应使用“【】”",
          "京政办发〈2026〉12号    | 不应使用“〈〉”",
          "京政办发［2026］12号    | 不应使用“［］”",
          "京政办发〔2026〕第12号  | 不加“第”字",
          "京政办发〔2026〕012号   | 序号不编虚位（不写“012”）",
          "京政办发〔2025〕12号    | 年份“2025”与成文日期年份“2026”不一致",
          "京政发〔2026〕12号      | 机关代字应为“京政办发”",
          "〔2026〕12号            | 缺少机关代字“京政办发”",
          "京政办发〔2026〕12      | 末尾缺少“号”",
          "京政办发〔２０２６〕12号 | 数字应为半角阿拉伯数字",
          "京政办发 〔2026〕12号   | 不应含空格"
        })
    void flagsMalformedNumber(String number, String problem) {
      assertThat(format(doc().number(number)))
          .singleElement()
          .asString()
          .startsWith("文号“" + number + "”：")
          .contains(problem)
          .endsWith("应为“京政办发〔2026〕12号”。");
    }

    @Test
    void reportsSeveralProblemsInOneFinding() {
      assertThat(format(doc().number("京政办发[2025]第01号")))
          .containsExactly(
              "文号“京政办发[2025]第01号”：不加“第”字；年份应使用六角括号“〔〕”，不应使用“[]”；"
                  + "年份“2025”与成文日期年份“2026”不一致；序号不编虚位（不写“01”），应为“京政办发〔2026〕1号”。");
    }

    @Test
    void zeroSequenceHasNoSuggestion() {
      assertThat(format(doc().number("京政办发〔2026〕0号"))).containsExactly("文号“京政办发〔2026〕0号”：序号不能为0。");
    }

    @Test
    void flagsUnrecognisableNumber() {
      assertThat(format(doc().number("京政办发2026年12号")))
          .containsExactly("文号“京政办发2026年12号”：格式不符，应形如“京政办发〔2026〕1号”。");
    }

    @Test
    void flagsMissingNumber() {
      assertThat(format(doc().number("  "))).containsExactly("文号：未填写。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"京政办发〔2026〕1号", "京政办发〔2026〕100号", " 京政办发〔2026〕12号 "})
    void acceptsWellFormedNumber(String number) {
      assertThat(format(doc().number(number))).isEmpty();
    }

    @Test
    void yearIsNotComparedWithoutIssueDate() {
      assertThat(format(doc().number("京政办发〔2020〕1号").date(null))).containsExactly("成文日期：未填写。");
    }
  }

  @Nested
  class MainRecipients {

    @Test
    void fullWidthColonIsAccepted() {
      assertThat(format(doc().recipients("各区县人民政府："))).isEmpty();
    }

    @Test
    void halfWidthColonIsFlagged() {
      assertThat(format(doc().recipients("各区县人民政府:")))
          .containsExactly("主送机关：末尾为半角冒号“:”，应为全角冒号“：”。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"。", "，", "；", "，："})
    void otherEndPunctuationIsFlagged(String ending) {
      assertThat(format(doc().recipients("各区县人民政府" + ending)))
          .containsExactly("主送机关：末尾为“" + ending + "”，应为全角冒号“：”。");
    }

    @Test
    void missingColonIsOnlyANote() {
      List<String> findings = format(doc().recipients("各区县人民政府，市政府各部门"));

      assertThat(findings).containsExactly("主送机关：末尾将自动加“：”（提示）");
      assertThat(errors(findings)).isEmpty();
    }

    @Test
    void closingBracketAtEndIsNotPunctuation() {
      assertThat(format(doc().recipients("各区（县）"))).containsExactly("主送机关：末尾将自动加“：”（提示）");
    }

    @Test
    void halfWidthSeparatorBetweenRecipientsIsFlagged() {
      assertThat(format(doc().recipients("各区县人民政府,市政府各部门：")))
          .containsExactly("主送机关：机关之间应使用全角“、”或“，”，不应使用半角“,”。");
    }

    @Test
    void emptyRecipientsIsANoteForNotices() {
      assertThat(format(doc().recipients("")))
          .singleElement()
          .asString()
          .startsWith("主送机关：未填写")
          .endsWith("（提示）");
    }

    @Test
    void emptyRecipientsIsFineForPublicAnnouncements() {
      assertThat(format(doc().recipients(null).docType("公告").title("关于调整办公时间的公告"))).isEmpty();
    }

    /** The .docx prints 主送机关 above the body: a body that begins with it prints it twice. */
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "各处室：          | 各处室：                     | 各处室：",
          "各处室：          | 各处室                       | 各处室",
          "各处室：          | 各处室:                      | 各处室:",
          "各处室            | 　　各处室：                 | 各处室：",
          "各处室:           | 各处室：                     | 各处室：",
          "各处室，各直属单位：| 各处室，各直属单位：         | 各处室，各直属单位：",
          "各处室、各直属单位：| 各处室：                     | 各处室：",
          "各处室、各直属单位：| 各直属单位、各处室:          | 各直属单位、各处室:"
        })
    void bodyBeginningWithTheRecipientsLineIsFlagged(
        String recipients, String firstLine, String shown) {
      List<String> findings =
          format(
              doc().recipients(recipients).body("", "  ", firstLine, "　　为进一步规范公文办理，现就相关事项通知如下。"));

      assertThat(errors(findings))
          .filteredOn(f -> f.startsWith("第1段"))
          .containsExactly("第1段：正文以主送机关“" + shown + "”开头，发文稿已在正文前排印主送机关，请删去此行。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"现将有关事项通知如下：", "各处室负责人：", "各处室要高度重视：", "各处室应当于12月1日前报送。"})
    void bodyBeginningWithOtherTextIsNotFlagged(String firstLine) {
      assertThat(format(doc().recipients("各处室、各直属单位：").body(firstLine, "　　请认真贯彻执行。")))
          .noneMatch(f -> f.contains("主送机关"));
    }
  }

  @Nested
  class IssueDate {

    @Test
    void rendersArabicNumeralsWithoutLeadingZeros() {
      assertThat(ProofreadingAids.issueDateText(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
      assertThat(ProofreadingAids.issueDateText(ISSUE)).isEqualTo("2026年11月23日");
      assertThat(ProofreadingAids.issueDateText(null)).isEmpty();
    }

    @Test
    void missingIssueDateIsFlagged() {
      assertThat(format(doc().date(null))).containsExactly("成文日期：未填写。");
    }

    @Test
    void chineseNumeralDateInBodyIsFlagged() {
      assertThat(format(doc().body("定于二〇二六年十一月二十三日召开会议。")))
          .containsExactly("第1段：日期“二〇二六年十一月二十三日”应使用阿拉伯数字，写作“2026年11月23日”。");
    }

    @Test
    void chineseNumeralYearOrMonthDayAloneIsFlagged() {
      assertThat(format(doc().body("自二〇二六年起执行。", "每年十二月三十一日前报送。")))
          .containsExactly(
              "第1段：日期“二〇二六年”应使用阿拉伯数字，写作“2026年”。", "第2段：日期“十二月三十一日”应使用阿拉伯数字，写作“12月31日”。");
    }

    @Test
    void zeroPaddedDateIsFlagged() {
      assertThat(format(doc().body("请于2026年01月05日前报送。")))
          .containsExactly("第1段：日期“2026年01月05日”不编虚位，应为“2026年1月5日”。");
    }

    @Test
    void impossibleDateIsFlagged() {
      assertThat(format(doc().body("请于2026年2月30日前报送。")))
          .containsExactly("第1段：日期“2026年2月30日”不存在，请核对。");
    }

    @Test
    void wellWrittenDatesAreAccepted() {
      assertThat(format(doc().body("请于2026年1月5日前报送，每年12月31日前报送一次。", "二是十分重要。"))).isEmpty();
    }
  }

  @Nested
  class Title {

    @ParameterizedTest
    @ValueSource(strings = {"。", "．", ".", "，", "；", "：", "！", "？", "?"})
    void endPunctuationIsFlagged(String mark) {
      assertThat(format(doc().title("关于开展公文办理专项整改的通知" + mark)))
          .containsExactly("标题：末尾不应有标点“" + mark + "”。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"关于印发《公文办理规范》的通知", "关于开展公文办理专项整改的通知（征求意见稿）", "关于转发“三项制度”的通知"})
    void closingBracketOrQuoteIsFine(String title) {
      assertThat(format(doc().title(title))).isEmpty();
    }

    @Test
    void titleLongerThanTwoLinesIsANote() {
      String title = "关于" + "公".repeat(41) + "的通知";

      assertThat(format(doc().title(title))).containsExactly("标题：共46字，超过两行（约44字），可考虑精简（提示）");
    }

    @Test
    void titleOfTwoLinesIsFine() {
      String title = "关于" + "公".repeat(39) + "的通知";

      assertThat(title).hasSize(44);
      assertThat(format(doc().title(title))).isEmpty();
    }

    @Test
    void titleNotEndingWithDocTypeIsANote() {
      assertThat(format(doc().title("关于开展公文办理专项整改的意见"))).containsExactly("标题：未以文种“通知”结尾（提示）");
    }
  }

  @Nested
  class Headings {

    @Test
    void skippedNumberIsFlagged() {
      assertThat(format(doc().body("一、总体要求", "三、保障措施"))).containsExactly("第2段：序号“三、”跳号，应为“二、”。");
    }

    @Test
    void repeatedNumberIsFlagged() {
      assertThat(format(doc().body("一、总体要求", "二、主要任务", "二、保障措施")))
          .containsExactly("第3段：序号“二、”重复，应为“三、”。");
    }

    @Test
    void backwardsNumberIsFlagged() {
      assertThat(format(doc().body("一、甲", "二、乙", "三、丙", "一、丁")))
          .containsExactly("第4段：序号“一、”顺序错误，应为“四、”。");
    }

    @Test
    void sequenceMustStartAtOne() {
      assertThat(format(doc().body("二、总体要求"))).containsExactly("第1段：序号“二、”跳号，应为“一、”。");
    }

    @Test
    void everyLevelIsCheckedAndResetUnderItsParent() {
      assertThat(
              format(
                  doc()
                      .body(
                          "一、甲", "（一）甲一", "1.细则", "（1）条目", "（2）条目", "2.细则", "（二）甲二", "1.细则", "二、乙",
                          "（一）乙一", "（三）乙三", "1.细则", "3.细则", "（1）条目", "（3）条目")))
          .containsExactly(
              "第11段：序号“（三）”跳号，应为“（二）”。", "第13段：序号“3.”跳号，应为“2.”。", "第15段：序号“（3）”跳号，应为“（2）”。");
    }

    @Test
    void numbersAboveTenAreUnderstood() {
      String[] body =
          IntStream.rangeClosed(1, 12)
              .mapToObj(n -> ProofreadingText.chineseNumeral(n) + "、第" + n + "部分")
              .toArray(String[]::new);

      assertThat(body[10]).startsWith("十一、");
      assertThat(format(doc().body(body))).isEmpty();
    }

    @Test
    void halfWidthBracketsAreFlaggedOnceWithoutCascade() {
      ProofreadingFindings findings = check(doc().body("(一)总体要求", "（二）主要任务"));

      assertThat(findings.format()).containsExactly("第1段：序号“(一)”应为“（一）”（使用了半角括号）。");
      assertThat(findings.wording()).isEmpty();
    }

    @Test
    void otherWrongForms() {
      assertThat(format(doc().body("一．总体要求", "（一）、分工", "1、报送", "(1)条目", "2)条目")))
          .containsExactly(
              "第1段：序号“一．”应为“一、”。",
              "第2段：序号“（一）、”应为“（一）”（括号后不加标点）。",
              "第3段：序号“1、”应为“1.”。",
              "第4段：序号“(1)”应为“（1）”（使用了半角括号）。",
              "第5段：序号“2)”应为“（2）”（缺少左括号）。");
    }

    @Test
    void formatFindingsFollowDocumentOrder() {
      assertThat(format(doc().body("一、总体要求", "定于二〇二六年召开。", "三、保障措施")))
          .containsExactly("第2段：日期“二〇二六年”应使用阿拉伯数字，写作“2026年”。", "第3段：序号“三、”跳号，应为“二、”。");
    }

    @Test
    void fullWidthDotAndDecimalsAreNotHeadingErrors() {
      assertThat(format(doc().body("1．报送材料", "2．反馈时限", "1.5亿元已拨付到位。"))).isEmpty();
    }
  }

  @Nested
  class LegalTerms {

    @Test
    void longBodiesListTwentyPlacesPerTermAndCountTheRest() {
      String text = wording(doc().body("各处室应当认真落实。\n".repeat(25))).get(0);
      assertThat(text)
          .startsWith("“应当”共25处")
          .contains("第20段")
          .doesNotContain("第21段")
          .contains("另有5处");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "必须 | 各单位必须按时报送。",
          "应当 | 各单位应当按时报送。",
          "应   | 各单位应于月底前报送。",
          "可以 | 各单位可以自行安排。",
          "原则上 | 原则上不再增加。",
          "尽快 | 请尽快报送。",
          "及时 | 请及时报送。",
          "一般 | 会议一般在周一召开。",
          "适当 | 适当提高标准。",
          "有关 | 请有关部门配合。",
          "等   | 包括财政、审计等。",
          "严禁 | 严禁超标准接待。",
          "禁止 | 禁止公车私用。",
          "不得 | 不得擅自调整。"
        })
    void everyTermIsListed(String term, String sentence) {
      assertThat(wording(doc().body(sentence)))
          .singleElement()
          .asString()
          .startsWith("“" + term + "”共1处（")
          .contains("第1段“")
          .contains("【" + term + "】");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "完善应急预案。",
          "作出相应调整。",
          "积极响应号召。",
          "适应新形势。",
          "推广应用成果。",
          "编制一般公共预算。",
          "坚持男女平等，",
          "划分等级。",
          "做好应对准备。",
          "请于月底前报送。"
        })
    void lookalikesAreNotListed(String sentence) {
      assertThat(wording(doc().body(sentence))).isEmpty();
    }

    @Test
    void occurrencesAreGroupedByTermWithContext() {
      List<String> findings =
          wording(doc().body("各单位必须落实。", "有关部门应当及时报送，应当加强督导。", "第三段没有。", "各区应当原则上按期完成。"));

      assertThat(findings)
          .containsExactly(
              "“必须”共1处（必须=强制义务，不允许例外）：第1段“各单位【必须】落实。”。",
              "“应当”共3处（应当=一般义务，可有例外）：第2段“有关部门【应当】及时报送，应当加强督…”；"
                  + "第2段“…关部门应当及时报送，【应当】加强督导。”；第4段“各区【应当】原则上按期完成。”。",
              "“原则上”共1处（原则上=允许例外，需写明例外情形）：第4段“各区应当【原则上】按期完成。”。",
              "“及时”共1处（及时=无明确时限，建议写明期限）：第2段“有关部门应当【及时】报送，应当加强督导。”。",
              "“有关”共1处（有关=指代不明，建议写明具体单位或事项）：第2段“【有关】部门应当及时报送，应…”。");
    }

    @Test
    void contextIsTenCharactersEachSide() {
      String body = "甲乙丙丁戊己庚辛壬癸子丑必须寅卯辰巳午未申酉戌亥天地";

      assertThat(ProofreadingText.snippet(body, 12, 14)).isEqualTo("…丙丁戊己庚辛壬癸子丑【必须】寅卯辰巳午未申酉戌亥…");
      assertThat(wording(doc().body(body)))
          .singleElement()
          .asString()
          .contains("第1段“…丙丁戊己庚辛壬癸子丑【必须】寅卯辰巳午未申酉戌亥…”");
    }

    @Test
    void etcOnlyCountsAtEndOfList() {
      assertThat(wording(doc().body("甲、乙等单位参加。"))).isEmpty();
      assertThat(wording(doc().body("甲、乙等，丙。"))).singleElement().asString().startsWith("“等”共1处");
    }
  }

  @Nested
  class Punctuation {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {", | ，", "; | ；", ": | ：", "? | ？", "! | ！"})
    void halfWidthPunctuationInChineseIsFlagged(String half, String full) {
      assertThat(wording(doc().body("现将有关事项通知如下" + half + "请遵照执行。")))
          .contains("第1段：“现将有关事项通知如下【" + half + "】请遵照执行。”中的半角“" + half + "”应为全角“" + full + "”。");
    }

    @Test
    void halfWidthColonBeforeDigitsIsFlagged() {
      assertThat(wording(doc().body("时间:2026年1月5日")))
          .containsExactly("第1段：“时间【:】2026年1月5日”中的半角“:”应为全角“：”。");
    }

    @Test
    void halfWidthParenthesesAreReportedAsOnePair() {
      assertThat(wording(doc().body("印发公文办理办法(试行)。")))
          .containsExactly("第1段：“印发公文办理办法【(试行)】。”中的半角括号应为全角“（）”。");
    }

    @Test
    void halfWidthInTitleIsFlagged() {
      assertThat(wording(doc().title("关于印发办法(试行)的通知")))
          .singleElement()
          .asString()
          .startsWith("标题：");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "共拨付3,000元。",
          "会议时间为上午9:30。",
          "英文摘要：Hello, world! (draft)",
          "网址为https://example.cn/a?b=1。"
        })
    void halfWidthOutsideChineseIsAccepted(String sentence) {
      assertThat(wording(doc().body(sentence))).isEmpty();
    }

    @Test
    void fullWidthDigitsAndLettersAreFlagged() {
      assertThat(wording(doc().body("共印发２０２６份ＰＤＦ文件。")))
          .containsExactly(
              "第1段：“共印发【２０２６】份ＰＤＦ文件。”中的全角字符“２０２６”应为半角“2026”。",
              "第1段：“共印发２０２６份【ＰＤＦ】文件。”中的全角字符“ＰＤＦ”应为半角“PDF”。");
    }

    @Test
    void repeatedPunctuationIsFlagged() {
      assertThat(wording(doc().body("请遵照执行。。", "甲，，乙", "报送，。")))
          .containsExactly(
              "第1段：“请遵照执行【。。】”中标点“。。”重复。", "第2段：“甲【，，】乙”中标点“，，”重复。", "第3段：“报送【，。】”中标点“，。”连用。");
    }

    @Test
    void ellipsisAndDashAreNotRepeatedPunctuation() {
      assertThat(wording(doc().body("包括甲、乙……", "主题——规范办文。"))).isEmpty();
    }

    @Test
    void unbalancedPairsAreFlagged() {
      assertThat(wording(doc().body("他说“好。", "根据《办法规定。", "详见办法》。", "（试行。", "他说好。”")))
          .containsExactly(
              "第1段：“他说【“】好。”中的左引号缺少对应的右引号。",
              "第2段：“根据【《】办法规定。”中的“《”缺少对应的“》”。",
              "第3段：“详见办法【》】。”中的“》”缺少对应的“《”。",
              "第4段：“【（】试行。”中的“（”缺少对应的“）”。",
              "第5段：“他说好。【”】”中的右引号缺少对应的左引号。");
    }

    @Test
    void balancedNestedPairsAreAccepted() {
      assertThat(wording(doc().body("他说：“请按照《办法（试行）》执行。”"))).isEmpty();
    }

    @Test
    void unbalancedTitleIsFlagged() {
      assertThat(wording(doc().title("关于印发《公文办理规范的通知")))
          .containsExactly("标题：“关于印发【《】公文办理规范的通知”中的“《”缺少对应的“》”。");
    }
  }

  @Nested
  class Attachments {

    @Test
    void listNumberingIsStrippedInAllCommonForms() {
      Doc doc = doc().attachments("\n1.公文办理规范\n\n  2、整改任务清单.xlsx  \n");

      assertThat(attachments(doc)).isEmpty();
      assertThat(attachments(doc.attachments("（1）公文办理规范\n(2)整改任务清单"))).isEmpty();
      assertThat(attachments(doc.attachments("附件1．公文办理规范\n附件2 整改任务清单"))).isEmpty();
    }

    @Test
    void titleReferencedInBodyButMissingFromListIsFlagged() {
      Doc doc = doc().body("考核办法见附件《考核细则》。").attachments("考核细则\n公文办理规范");

      assertThat(attachments(doc.attachments("公文办理规范")))
          .containsExactly("第1段：正文引用的附件“考核细则”不在附件清单中。", "附件清单第1项“公文办理规范”在正文中未被提及（提示）");
      assertThat(attachments(doc().body("考核办法见附件《考核细则》。").attachments("考核细则.pdf"))).isEmpty();
    }

    @Test
    void numberBeyondListIsFlagged() {
      assertThat(errors(attachments(doc().body("详见附件3。"))))
          .containsExactly("第1段：正文提到“附件3”，但附件清单只有2项。");
    }

    @Test
    void referenceWithEmptyListIsFlagged() {
      assertThat(attachments(doc().body("详见附件1。").attachments(null)))
          .containsExactly("第1段：正文提到“附件1”，但附件清单为空。");
    }

    @Test
    void rangesAndListsOfNumbersAreExpanded() {
      Doc doc = doc().attachments("甲表\n乙表\n丙表");

      assertThat(attachments(doc.body("详见附件1至3。"))).isEmpty();
      assertThat(attachments(doc.body("详见附件1、附件2和3。"))).isEmpty();
      assertThat(attachments(doc.body("详见附件1至4。"))).containsExactly("第1段：正文提到“附件4”，但附件清单只有3项。");
    }

    @Test
    void numberAndTitleMustAgreeWithList() {
      assertThat(attachments(doc().body("见附件2《公文办理规范》、附件1《整改任务清单》。")))
          .containsExactly(
              "第1段：“附件2”写作“公文办理规范”，但附件清单第2项为“整改任务清单.xlsx”（该名称是第1项）。",
              "第1段：“附件1”写作“整改任务清单”，但附件清单第1项为“公文办理规范.docx”（该名称是第2项）。");
    }

    @Test
    void chineseNumeralReferenceIsFlagged() {
      assertThat(attachments(doc().body("见附件一、附件二。")))
          .containsExactly("第1段：“附件一”序号应使用阿拉伯数字，写作“附件1”。", "第1段：“附件二”序号应使用阿拉伯数字，写作“附件2”。");
    }

    @Test
    void wordsStartingWithNumeralsAreNotReferences() {
      assertThat(attachments(doc().body("附件1、2请与正文一并报送。", "附件一并报送，附件十分重要，附件三份。"))).isEmpty();
    }

    @Test
    void duplicatesInListAreFlagged() {
      Doc doc = doc().body("详见附件1至3。").attachments("公文办理规范\n整改任务清单\n《公文办理规范》.pdf");

      assertThat(attachments(doc)).containsExactly("附件清单第3项“《公文办理规范》.pdf”与第1项重复。");
    }

    @Test
    void declaredNumberOutOfOrderIsFlagged() {
      assertThat(attachments(doc().attachments("附件1：公文办理规范\n附件3：整改任务清单")))
          .containsExactly("附件清单第2项：编号“3”与顺序不符，应为“2”。");
    }

    @Test
    void unreferencedEntryIsOnlyANote() {
      List<String> findings = attachments(doc().attachments(CLEAN_ATTACHMENTS + "\n会议议程.docx"));

      assertThat(findings).containsExactly("附件清单第3项“会议议程.docx”在正文中未被提及（提示）");
      assertThat(errors(findings)).isEmpty();
    }

    @Test
    void nameMentionedAnywhereInBodyCountsAsReference() {
      Doc doc = doc().body("现将《公文办理规范》印发给你们，请认真贯彻执行。").attachments("公文办理规范.pdf");

      assertThat(attachments(doc)).isEmpty();
      assertThat(attachments(doc.body("请认真贯彻执行。")))
          .containsExactly("附件清单第1项“公文办理规范.pdf”在正文中未被提及（提示）");
    }

    @Test
    void genericMentionCoversASingleAttachment() {
      assertThat(attachments(doc().body("具体要求详见附件。").attachments("考核细则"))).isEmpty();
    }

    @Test
    void attachmentNoteAtEndOfBodyIsChecked() {
      ProofreadingFindings findings =
          check(doc().body("一、总体要求", "（一）分工", "现印发，请执行。", "附件：1.公文办理规范", "2.考核细则"));

      assertThat(findings.attachments())
          .containsExactly("第5段：正文引用的附件“考核细则”不在附件清单中。", "附件清单第2项“整改任务清单.xlsx”在正文中未被提及（提示）");
      assertThat(findings.format()).isEmpty();
    }

    @Test
    void singleUnnumberedAttachmentNoteIsAccepted() {
      assertThat(attachments(doc().body("现印发，请执行。", "附件：整改任务清单").attachments("整改任务清单.xlsx")))
          .isEmpty();
    }
  }

  @Nested
  class Rendering {

    @Test
    void rendersNumberedList() {
      assertThat(ProofreadingFindings.asText(List.of("甲", "乙"))).isEqualTo("1. 甲\n2. 乙");
    }

    @Test
    void rendersNothingFoundWhenEmpty() {
      assertThat(ProofreadingFindings.asText(List.of())).isEqualTo("未发现问题。");
      assertThat(ProofreadingFindings.asText(null)).isEqualTo("未发现问题。");
    }

    @Test
    void rendersEachCategory() {
      ProofreadingFindings findings =
          new ProofreadingFindings(List.of("a"), List.of("b", "c"), List.of());

      assertThat(findings.formatText()).isEqualTo("1. a");
      assertThat(findings.wordingText()).isEqualTo("1. b\n2. c");
      assertThat(findings.attachmentsText()).isEqualTo("未发现问题。");
    }

    @Test
    void eachCheckAloneGivesWhatTheWholeCheckGivesForIt() {
      // the task of each proofreader computes only its own check: the same findings, in the same
      // order
      ProofreadingInput messy =
          doc()
              .title("关于开展公文办理专项整改的通知。")
              .number(null)
              .body("各单位：", "　　请认真贯彻落实！！各单位应当按时报送。")
              .attachments("附件1：公文办理规范.docx\n附件3：另一份.docx")
              .input();
      for (ProofreadingInput input : List.of(messy, doc().input())) {
        ProofreadingFindings whole = aids.check(input);
        assertThat(aids.findings(ProofreadingAids.Check.FORMAT, input)).isEqualTo(whole.format());
        assertThat(aids.findings(ProofreadingAids.Check.WORDING, input)).isEqualTo(whole.wording());
        assertThat(aids.findings(ProofreadingAids.Check.ATTACHMENTS, input))
            .isEqualTo(whole.attachments());
      }
      ProofreadingFindings whole = aids.check(messy);
      assertThat(whole.format()).isNotEmpty();
      assertThat(whole.wording()).isNotEmpty();
      assertThat(whole.attachments()).isNotEmpty();
    }

    @Test
    void findingsAreImmutable() {
      ProofreadingFindings findings = check(doc().number(null));

      assertThatThrownBy(() -> findings.format().add("x"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void notesAreRecognised() {
      assertThat(ProofreadingFindings.isNote("主送机关：末尾将自动加“：”（提示）")).isTrue();
      assertThat(ProofreadingFindings.isNote("文号：未填写。")).isFalse();
      assertThat(ProofreadingFindings.isNote(null)).isFalse();
    }

    @Test
    void chineseNumbersRoundTrip() {
      IntStream.rangeClosed(1, 99)
          .forEach(
              n ->
                  assertThat(ProofreadingText.chineseNumber(ProofreadingText.chineseNumeral(n)))
                      .isEqualTo(n));
      assertThat(ProofreadingText.chineseNumber("十十")).isEqualTo(-1);
      assertThat(ProofreadingText.chineseNumber("二一十")).isEqualTo(-1);
    }
  }

  @Nested
  class Performance {

    @Test
    void largeBodyIsCheckedInOnePass() {
      String paragraph = "各单位应当按照《公文办理规范》及时报送材料,详见附件1。有关部门必须（试行）等，。" + "时间为2026年01月05日，共２０２６份“甲";
      StringBuilder body = new StringBuilder();
      for (int i = 1; body.length() < 50_000; i++) {
        body.append(ProofreadingText.chineseNumeral(i % 99 + 1))
            .append("、")
            .append(paragraph)
            .append('\n');
      }

      ProofreadingFindings findings = check(doc().body(body.toString()));

      assertThat(body.length()).isGreaterThanOrEqualTo(50_000);
      assertThat(findings.wording()).isNotEmpty();
      assertThat(findings.format()).isNotEmpty();
    }

    @Test
    void largeSingleParagraphWithManyMarkersIsChecked() {
      String body = "附件《".repeat(7_500) + "附件1至".repeat(2_500) + "附件：《甲》、".repeat(2_500);

      ProofreadingFindings findings = check(doc().body(body));

      assertThat(body.length()).isGreaterThanOrEqualTo(50_000);
      assertThat(findings.wording()).isNotEmpty();
    }
  }
}
