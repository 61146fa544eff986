<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<#-- Core properties shown by Word under File > Info. Model: cn.officeflow.platform.docgen.DocxModel -->
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
                   xmlns:dc="http://purl.org/dc/elements/1.1/"
                   xmlns:dcterms="http://purl.org/dc/terms/"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title>${plainTitle}</dc:title>
  <dc:creator>${issuerSignature}</dc:creator>
  <cp:keywords>${documentNumber}</cp:keywords>
<#if created?has_content>
  <dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>
</#if>
</cp:coreProperties>
