<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<#--
  审批记录: the review trail of a 公文, printed after it in the archived PDF.
  Model: cn.officeflow.platform.docgen.ApprovalRecord. Output format XML: every ${...} is escaped.
  Same page, type area and faces as the 公文 (word/document.xml.ftl): A4, type area 156 × 225 mm, title 2号
  方正小标宋简体, text 3号仿宋_GB2312 on 28.95 pt lines; the table in 4号仿宋 so that a time fits on one line.
-->
<#assign LINE = 579>
<#assign TYPE_WIDTH = 8845>
<#assign FANGSONG = "仿宋_GB2312">
<#assign XIAOBIAOSONG = "方正小标宋简体">
<#assign HEITI = "黑体">
<#assign SZ_2 = 44>
<#assign SZ_3 = 32>
<#assign SZ_4 = 28>
<#-- columns: 步骤, 审批人, 时间, 结论, 稿次, 意见 (twips, together the type area) -->
<#assign COLUMNS = [1400, 1050, 2500, 760, 1100, 2035]>
<#macro run text font=FANGSONG size=SZ_3>
<w:r><w:rPr><w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}" w:cs="${font}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r><#t>
</#macro>
<#macro line text font=FANGSONG size=SZ_3 jc="left" before=0 after=0>
    <w:p>
      <w:pPr>
        <w:spacing w:before="${before}" w:after="${after}" w:line="${LINE}" w:lineRule="exact"/>
        <w:jc w:val="${jc}"/>
      </w:pPr>
      <@run text=text font=font size=size/>
    </w:p>
</#macro>
<#macro cell width text font=FANGSONG header=false>
        <w:tc>
          <w:tcPr>
            <w:tcW w:w="${width}" w:type="dxa"/>
            <w:vAlign w:val="center"/>
          </w:tcPr>
          <w:p>
            <w:pPr>
              <w:spacing w:before="60" w:after="60" w:line="400" w:lineRule="atLeast"/>
              <w:jc w:val="${header?then("center", "left")}"/>
            </w:pPr>
            <@run text=text font=font size=SZ_4/>
          </w:p>
        </w:tc>
</#macro>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <w:body>
    <@line text="审批记录" font=XIAOBIAOSONG size=SZ_2 jc="center"/>
    <@line text="标　　题：" + title before=LINE/>
<#if documentNumber?has_content>
    <@line text="发文字号：" + documentNumber/>
</#if>
    <@line text="签发稿次：第 " + signedVersion + " 稿（" + signOff + " 签发）"/>
    <@line text="本记录之前印制的正文即为该稿。" after=LINE/>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="${TYPE_WIDTH}" w:type="dxa"/>
        <w:tblBorders>
          <w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>
          <w:left w:val="single" w:sz="8" w:space="0" w:color="000000"/>
          <w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>
          <w:right w:val="single" w:sz="8" w:space="0" w:color="000000"/>
          <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>
          <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
        </w:tblBorders>
        <w:tblLayout w:type="fixed"/>
        <w:tblCellMar>
          <w:left w:w="80" w:type="dxa"/>
          <w:right w:w="80" w:type="dxa"/>
        </w:tblCellMar>
      </w:tblPr>
      <w:tblGrid>
<#list COLUMNS as width>
        <w:gridCol w:w="${width}"/>
</#list>
      </w:tblGrid>
      <!-- header row, repeated on every page of the record -->
      <w:tr>
        <w:trPr><w:tblHeader/></w:trPr>
        <@cell width=COLUMNS[0] text="步骤" font=HEITI header=true/>
        <@cell width=COLUMNS[1] text="审批人" font=HEITI header=true/>
        <@cell width=COLUMNS[2] text="时间" font=HEITI header=true/>
        <@cell width=COLUMNS[3] text="结论" font=HEITI header=true/>
        <@cell width=COLUMNS[4] text="稿次" font=HEITI header=true/>
        <@cell width=COLUMNS[5] text="意见" font=HEITI header=true/>
      </w:tr>
<#list rows as row>
      <w:tr>
        <w:trPr><w:cantSplit/></w:trPr>
        <@cell width=COLUMNS[0] text=row.step/>
        <@cell width=COLUMNS[1] text=row.name/>
        <@cell width=COLUMNS[2] text=row.time/>
        <@cell width=COLUMNS[3] text=row.kind/>
        <@cell width=COLUMNS[4] text=row.version/>
        <@cell width=COLUMNS[5] text=row.comment/>
      </w:tr>
</#list>
    </w:tbl>
    <@line text="时间为北京时间。本记录由 OfficeFlow 按审批意见自动生成，与正文一并电子签名。" size=SZ_4 before=LINE/>
    <w:sectPr>
      <w:footerReference w:type="default" r:id="rIdFooter"/>
      <w:pgSz w:w="11906" w:h="16838"/>
      <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1440" w:gutter="0"/>
      <w:cols w:space="425"/>
      <w:docGrid w:linePitch="${LINE}"/>
    </w:sectPr>
  </w:body>
</w:document>
