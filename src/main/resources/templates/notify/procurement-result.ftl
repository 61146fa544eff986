<#-- 采购结果 (申请人; JIT: 采购组): model subject, text, purchaseId -->
<#assign subject>【采购】${subject}</#assign>
<#assign sms>【行政办公】${text}</#assign>
${recipientName}，您好：

${text}

采购申请编号：${purchaseId}（详情见 /api/procurement/purchases/${purchaseId}）

此邮件由行政办公系统自动发送，请勿直接回复。
