<#-- 物资领用未获批准 (申请人): model summary, reason -->
<#assign subject>【物资领用】未获批准：${summary}</#assign>
<#assign sms>【行政办公】您的领用申请「${summary}」部门负责人未批准，意见：${reason}</#assign>
${recipientName}，您好：

您的物资领用申请未获部门负责人批准：

  申请：${summary}
  审批意见：${reason}

如仍需要，请调整后重新申请。

此邮件由行政办公系统自动发送，请勿直接回复。
