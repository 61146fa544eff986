<#-- 共享领用归还提醒 (借用人): model summary, returnDate -->
<#assign subject>【物资借用】请于 ${returnDate} 前归还：${summary}</#assign>
<#assign sms>【行政办公】您借用的「${summary}」应于${returnDate}前归还仓库，请按期归还。</#assign>
${recipientName}，您好：

您借用的共享物品即将到期：

  借用：${summary}
  归还日期：${returnDate}

请按期归还仓库。

此邮件由行政办公系统自动发送，请勿直接回复。
