<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<#-- Core properties of the 审批记录. Model: cn.officeflow.platform.docgen.ApprovalRecord -->
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
                   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>审批记录：${title}</dc:title>
  <cp:keywords>${documentNumber!""}</cp:keywords>
</cp:coreProperties>
