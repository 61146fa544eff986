<#-- 物资领用不予发放 (申请人): model summary, reason -->
<#assign subject>【物资领用】不予发放：${summary}</#assign>
<#assign sms>【行政办公】您的领用申请「${summary}」仓库不予发放，原因：${reason}</#assign>
${recipientName}，您好：

您的物资领用申请仓库不予发放：

  申请：${summary}
  原因：${reason}

如仍需要，请待入库后重新申请。

此邮件由行政办公系统自动发送，请勿直接回复。
