<#-- 共享领用逾期 (借用人、部门负责人、仓库): model summary, returnDate, borrowerName -->
<#assign subject>【物资借用逾期】${borrowerName}：${summary}（应还 ${returnDate}）</#assign>
<#assign sms>【行政办公】${borrowerName}借用的「${summary}」已过归还日期${returnDate}，尚未归还，请督促归还。</#assign>
${recipientName}，您好：

共享物品借用已逾期，尚未归还：

  借用人：${borrowerName}
  借用：${summary}
  归还日期：${returnDate}

请借用人尽快归还仓库，部门负责人督促办理。

此邮件由行政办公系统自动发送，请勿直接回复。
