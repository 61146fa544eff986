<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<#--
  The main part of a GB/T 9704-2012 公文 (发文).
  Model: cn.officeflow.platform.docgen.DocxModel (values already cleaned and worded).
  Output format XML: every ${...} is escaped, so user text such as <&>"' prints literally.

  Units: twips (1/20 pt) for positions; w:sz in half points; w:sz of a border in eighths of a point
  and w:space of a border in points. Element order inside w:pPr / w:rPr / w:tblPr follows the
  WordprocessingML schema sequence (Word rejects files that do not).
-->
<#-- ===== Grid and type area (DESIGN.md §7) ===== -->
<#-- one line of the 22-lines grid: 225 mm / 22 = 28.95 pt ≈ 579 twips -->
<#assign LINE = 579>
<#-- one character of the 28-characters line: 156 mm / 28 ≈ 316 twips. A 3号 character is 16 pt = 320 twips:
     every 3号 run is set 0.25 pt closer (w:spacing −5 twentieths of a point), so 28 characters take
     28 × 315 = 8820 twips ≤ 8845 and a 29th does not fit. Word, WPS and LibreOffice all honour character
     spacing the same way; a negative document-grid charSpace (the old way) is squeezed by Word but answered
     by LibreOffice with two grid cells per character. -->
<#assign CHAR = 316>
<#assign CHAR_SPACING = -5>
<#-- one character of 4号 (14 pt) for the 版记 -->
<#assign CHAR_4 = 280>
<#-- 版心 width: 11906 − 1587 − 1474 = 8845 twips = 156 mm -->
<#assign TYPE_WIDTH = 8845>
<#-- 发文机关标志: its top 35 mm (= 1984 twips) below the top of the 版心 -->
<#assign AUTHORITY_TOP = 1984>
<#-- red separator 4 mm under the 文号 characters: border w:space is in points from the bottom of the
     line box, which lies about 2 mm under the characters on a 28.95 pt line; measured in LibreOffice's PDF
     (GbT9704RenderingTest): 7 pt → 4.0 mm under the characters -->
<#assign RED_LINE_SPACE = 7>
<#-- border widths, w:sz in eighths of a point (1 pt = 0.3528 mm):
     red separator 1.5 pt (GB/T 9704 gives no width) → 12;
     版记 first and last lines 0.35 mm ≈ 0.99 pt → 8; lines between 0.25 mm ≈ 0.71 pt → 6 (0.75 pt) -->
<#assign RED_LINE_SZ = 12>
<#assign IMPRINT_THICK_SZ = 8>
<#assign IMPRINT_THIN_SZ = 6>

<#-- ===== Fonts and sizes ===== -->
<#assign FANGSONG = "仿宋_GB2312">
<#assign XIAOBIAOSONG = "方正小标宋简体">
<#assign HEITI = "黑体">
<#assign KAITI = "楷体_GB2312">
<#-- half points: 2号 22 pt, 3号 16 pt, 4号 14 pt; 机关标志 一号 26 pt -->
<#assign SZ_2 = 44>
<#assign SZ_3 = 32>
<#assign SZ_4 = 28>
<#assign SZ_AUTHORITY = 52>
<#assign RED = "FF0000">
<#-- heading levels recognised in Java (HeadingLevel) → paragraph style and font of the heading sentence.
     GB/T 9704 7.3.3 names the faces only (黑体, 楷体, 仿宋, 仿宋): no level is bold, so every heading of one
     level has the same weight whether it stands alone or opens a paragraph. -->
<#assign LEVELS = {
  "body": {"style": "GwBody",   "font": FANGSONG, "bold": false},
  "h1":   {"style": "Heading1", "font": HEITI,    "bold": false},
  "h2":   {"style": "Heading2", "font": KAITI,    "bold": false},
  "h3":   {"style": "Heading3", "font": FANGSONG, "bold": false},
  "h4":   {"style": "Heading4", "font": FANGSONG, "bold": false}
}>

<#-- ===== Building blocks ===== -->
<#-- fonts and size set directly on each run: every reader (and the tests) sees them without styles -->
<#macro rPr font size bold color>
<w:rPr><w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}" w:cs="${font}"/><#if bold><w:b/><w:bCs/></#if><#if color?has_content><w:color w:val="${color}"/></#if><#if size == SZ_3><w:spacing w:val="${CHAR_SPACING}"/></#if><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><#t>
</#macro>
<#macro run text font=FANGSONG size=SZ_3 bold=false color="">
        <w:r><@rPr font=font size=size bold=bold color=color/><w:t xml:space="preserve">${text}</w:t></w:r>
</#macro>
<#macro tab font=FANGSONG size=SZ_3>
        <w:r><@rPr font=font size=size bold=false color=""/><w:tab/></w:r>
</#macro>
<#-- w:spacing always names line and lineRule too, so no reader has to merge attributes with the style -->
<#-- No punctuation hanging past the right edge of the type area (行首/行尾 rules move a character instead).
     ECMA-376 says w:overflowPunct="0" for that, and Word follows it; LibreOffice's .docx import reads the
     value inverted (writerfilter: IsHangingPunctuation = (overflowPunct == 0)). Markup compatibility picks
     per reader: Word (which understands w15, Office 2013+) takes the Choice, LibreOffice the Fallback. -->
<#macro spacing before=0>
        <mc:AlternateContent><mc:Choice Requires="w15"><w:overflowPunct w:val="0"/></mc:Choice><mc:Fallback><w:overflowPunct w:val="1"/></mc:Fallback></mc:AlternateContent>
        <w:autoSpaceDE w:val="0"/>
        <w:autoSpaceDN w:val="0"/>
        <w:spacing w:before="${before}" w:after="0" w:line="${LINE}" w:lineRule="exact"/>
</#macro>
<#-- page size, margins and grid of every section -->
<#macro pageSetup>
      <w:pgSz w:w="11906" w:h="16838"/>
      <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1440" w:gutter="0"/>
      <w:cols w:space="425"/>
      <w:docGrid w:linePitch="${LINE}"/>
</#macro>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
            xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <w:body>
    <!-- ===== 版头 ===== -->
    <!-- 份号, 密级和保密期限, 紧急程度: 3号黑体, top left of the first page, one per line -->
<#list headerMarks as mark>
    <w:p>
      <w:pPr>
        <@spacing/>
        <w:jc w:val="left"/>
      </w:pPr>
      <@run text=mark font=HEITI/>
    </w:p>
</#list>
    <!-- 发文机关标志: red 小标宋, centred, top 35 mm below the top of the type area -->
<#assign authorityBefore = AUTHORITY_TOP - headerMarks?size * LINE>
    <w:p>
      <w:pPr>
        <@spacing before=(authorityBefore gt 0)?then(authorityBefore, 0)/>
        <w:jc w:val="center"/>
      </w:pPr>
      <@run text=issuingAuthority font=XIAOBIAOSONG size=SZ_AUTHORITY color=RED/>
    </w:p>
    <!-- 发文字号 two lines below, red separator (as wide as the type area) 4 mm under it -->
    <w:p>
      <w:pPr>
        <w:pBdr>
          <w:bottom w:val="single" w:sz="${RED_LINE_SZ}" w:space="${RED_LINE_SPACE}" w:color="${RED}"/>
        </w:pBdr>
<#if upward>
        <!-- 上行文: 文号 one character in from the left, 签发人 one character in from the right -->
        <w:tabs>
          <w:tab w:val="right" w:pos="${TYPE_WIDTH - CHAR}"/>
        </w:tabs>
        <@spacing before=2 * LINE/>
        <w:ind w:firstLineChars="100" w:firstLine="${CHAR}"/>
        <w:jc w:val="left"/>
<#else>
        <@spacing before=2 * LINE/>
        <w:jc w:val="center"/>
</#if>
      </w:pPr>
      <@run text=documentNumber/>
<#if upward && signer?has_content>
      <@tab/>
      <@run text="签发人："/>
      <@run text=signer font=KAITI/>
</#if>
    </w:p>

    <!-- ===== 主体 ===== -->
    <!-- 标题: 2号小标宋, centred, two lines below the red separator -->
    <w:p>
      <w:pPr>
        <w:pStyle w:val="Title"/>
        <@spacing before=2 * LINE/>
        <w:jc w:val="center"/>
      </w:pPr>
<#list titleLines as line>
<#if !line?is_first>
      <w:r><w:br/></w:r>
</#if>
      <@run text=line font=XIAOBIAOSONG size=SZ_2/>
</#list>
    </w:p>
<#if mainRecipientsLine?has_content>
    <!-- 主送机关: one line below the title, flush left, ends with "：" -->
    <w:p>
      <w:pPr>
        <@spacing before=LINE/>
      </w:pPr>
      <@run text=mainRecipientsLine/>
    </w:p>
</#if>
    <!-- 正文: 3号仿宋, first line indented two characters; headings 一、黑体 （一）楷体 1.仿宋 （1）仿宋 -->
<#list paragraphs as paragraph>
<#assign level = LEVELS[paragraph.level]>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="${level.style}"/>
<#if paragraph.keepWithNext>
        <w:keepNext/>
</#if>
        <@spacing before=(paragraph?is_first && !mainRecipientsLine?has_content)?then(LINE, 0)/>
        <w:ind w:firstLineChars="200" w:firstLine="${2 * CHAR}"/>
      </w:pPr>
<#list paragraph.segments as segment>
      <@run text=segment.text font=segment.heading?then(level.font, FANGSONG) bold=segment.heading && level.bold/>
</#list>
    </w:p>
</#list>
<#if attachments?size == 1>
    <!-- 附件说明: one line below the text, two characters in; a long name wraps under its first character -->
    <w:p>
      <w:pPr>
        <@spacing before=LINE/>
        <w:ind w:left="${5 * CHAR}" w:hanging="${3 * CHAR}"/>
      </w:pPr>
      <@run text="附件：" + attachments[0]/>
    </w:p>
<#elseif attachments?has_content>
    <!-- 附件说明: "附件：1. name"; the next numbers stand under the first (tab at 5 characters) and
         the names, also when they wrap, start at the hanging indent 6.5 characters in -->
<#assign NAME_START = (6.5 * CHAR)?round>
<#list attachments as attachment>
    <w:p>
      <w:pPr>
        <w:tabs>
          <w:tab w:val="left" w:pos="${5 * CHAR}"/>
          <w:tab w:val="left" w:pos="${NAME_START}"/>
        </w:tabs>
        <@spacing before=attachment?is_first?then(LINE, 0)/>
        <w:ind w:left="${NAME_START}" w:hanging="${NAME_START - 2 * CHAR}"/>
      </w:pPr>
<#if attachment?is_first>
      <@run text="附件："/>
<#else>
      <@tab/>
</#if>
      <@run text=attachment?counter + "."/>
      <@tab/>
      <@run text=attachment/>
    </w:p>
</#list>
</#if>
    <!-- 落款 (sealed document, GB/T 9704 7.3.5.1): 成文日期 右空四字, 发文机关署名 centred above it;
         two blank lines above leave room for the seal -->
<#if issuerSignature?has_content>
    <w:p>
      <w:pPr>
        <w:keepNext/>
        <@spacing before=2 * LINE/>
        <w:ind w:right="${signatureRightIndent}"/>
        <w:jc w:val="right"/>
      </w:pPr>
      <@run text=issuerSignature/>
    </w:p>
</#if>
<#if issueDate?has_content>
    <w:p>
      <w:pPr>
        <@spacing before=issuerSignature?has_content?then(0, 2 * LINE)/>
        <w:ind w:right="${dateRightIndent}"/>
        <w:jc w:val="right"/>
      </w:pPr>
      <@run text=issueDate/>
    </w:p>
</#if>
<#if notesLine?has_content>
    <!-- 附注 (GB/T 9704 7.3.7): in parentheses, two characters in, on the line under the 成文日期 -->
    <w:p>
      <w:pPr>
        <@spacing/>
        <w:ind w:firstLineChars="200" w:firstLine="${2 * CHAR}"/>
      </w:pPr>
      <@run text=notesLine/>
    </w:p>
</#if>

<#if copyToLine?has_content || printingAuthority?has_content || printingDate?has_content>
    <!-- ===== 版记 =====
         On the last page, an even page (封四), its last line on the bottom edge of the type area. The
         document is set on a fixed grid, so DocxModel counts its pages (Pagination): page breaks where
         needed, then a spacer of exactly the free height, then the 版记 as an ordinary table. (A table
         floating at the bottom margin works in Word but not in LibreOffice, which sets a full-width
         floating table inline after the 落款.) -->
<#-- a blank page first when the 版记 goes two pages on. GB/T 9704 7.5: "公文的版记页前有空白页的，空白页和版记页
     均不编排页码" — the blank page and the 版记 page form a section of their own whose footers are empty. This
     1-twip paragraph ends the section of the text (with its page-number footers); the next section starts on a
     new page, the blank one. -->
<#if imprintPageBreaks gt 1>
    <w:p>
      <w:pPr>
        <w:spacing w:before="0" w:after="0" w:line="1" w:lineRule="exact"/>
        <w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>
        <w:sectPr>
          <w:footerReference w:type="default" r:id="rIdFooterOdd"/>
          <w:footerReference w:type="even" r:id="rIdFooterEven"/>
          <@pageSetup/>
        </w:sectPr>
      </w:pPr>
    </w:p>
    <!-- the blank page -->
    <w:p>
      <w:pPr>
        <w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>
        <w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>
      </w:pPr>
    </w:p>
</#if>
    <w:p>
      <w:pPr>
<#if imprintPageBreaks gt 0>
        <w:pageBreakBefore/>
</#if>
        <w:spacing w:before="0" w:after="0" w:line="${(imprintSpacer gt 20)?then(imprintSpacer, 20)?c}" w:lineRule="exact"/>
        <w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>
      </w:pPr>
    </w:p>
    <!-- A one-column table as wide as the type area; its borders are the separators: top and bottom
         0.35 mm, between the rows 0.25 mm. -->
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="${TYPE_WIDTH}" w:type="dxa"/>
        <w:tblBorders>
          <w:top w:val="single" w:sz="${IMPRINT_THICK_SZ}" w:space="0" w:color="000000"/>
          <w:left w:val="nil"/>
          <w:bottom w:val="single" w:sz="${IMPRINT_THICK_SZ}" w:space="0" w:color="000000"/>
          <w:right w:val="nil"/>
          <w:insideH w:val="single" w:sz="${IMPRINT_THIN_SZ}" w:space="0" w:color="000000"/>
          <w:insideV w:val="nil"/>
        </w:tblBorders>
        <w:tblLayout w:type="fixed"/>
        <w:tblCellMar>
          <w:left w:w="0" w:type="dxa"/>
          <w:right w:w="0" w:type="dxa"/>
        </w:tblCellMar>
      </w:tblPr>
      <w:tblGrid>
        <w:gridCol w:w="${TYPE_WIDTH}"/>
      </w:tblGrid>
<#if copyToLine?has_content>
      <!-- 抄送: 4号仿宋, one character in; wrapped lines align after the colon; ends with "。" -->
      <w:tr>
        <w:tc>
          <w:tcPr>
            <w:tcW w:w="${TYPE_WIDTH}" w:type="dxa"/>
          </w:tcPr>
          <w:p>
            <w:pPr>
              <w:pStyle w:val="GwImprint"/>
              <@spacing/>
              <w:ind w:left="${4 * CHAR_4}" w:right="${CHAR_4}" w:hanging="${3 * CHAR_4}"/>
              <w:jc w:val="left"/>
            </w:pPr>
            <@run text="抄送：" + copyToLine size=SZ_4/>
          </w:p>
        </w:tc>
      </w:tr>
</#if>
      <!-- 印发机关 one character in from the left, 印发日期 one character in from the right -->
      <w:tr>
        <w:tc>
          <w:tcPr>
            <w:tcW w:w="${TYPE_WIDTH}" w:type="dxa"/>
          </w:tcPr>
          <w:p>
            <w:pPr>
              <w:pStyle w:val="GwImprint"/>
              <w:tabs>
                <w:tab w:val="right" w:pos="${TYPE_WIDTH - CHAR_4}"/>
              </w:tabs>
              <@spacing/>
              <w:ind w:left="${CHAR_4}" w:right="${CHAR_4}"/>
              <w:jc w:val="left"/>
            </w:pPr>
            <@run text=printingAuthority size=SZ_4/>
<#if printingDate?has_content>
            <@tab size=SZ_4/>
            <@run text=printingDate + "印发" size=SZ_4/>
</#if>
          </w:p>
        </w:tc>
      </w:tr>
    </w:tbl>
</#if>
    <!-- the body ends with a paragraph (WordprocessingML wants one after a table); 0.05 pt high so it
         stays on the 版记's page -->
    <w:p>
      <w:pPr>
        <w:spacing w:before="0" w:after="0" w:line="1" w:lineRule="exact"/>
        <w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>
      </w:pPr>
    </w:p>

    <!-- A4 portrait; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; type area 156 × 225 mm.
         Footer: the 一字线 of the page number 7 mm below the type area ≈ bottom of the footer line
         25.4 mm above the paper edge (1440 twips). Grid 22 lines × 28 characters: linePitch 579;
         charSpace = (8845 / 28 twips − 16 pt) × 4096 = (15.795 − 16) × 4096 ≈ −842. -->
    <w:sectPr>
<#if imprintPageBreaks gt 1>
      <!-- blank page and 版记 page: no page numbers (empty footers, odd and even) -->
      <w:footerReference w:type="default" r:id="rIdFooterBlank"/>
      <w:footerReference w:type="even" r:id="rIdFooterBlank"/>
<#else>
      <w:footerReference w:type="default" r:id="rIdFooterOdd"/>
      <w:footerReference w:type="even" r:id="rIdFooterEven"/>
</#if>
      <@pageSetup/>
    </w:sectPr>
  </w:body>
</w:document>
