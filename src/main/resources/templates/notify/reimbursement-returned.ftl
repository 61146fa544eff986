<#-- 报销被退回 (邮件, 申请人): model amount, purpose, step, reviewerName, comment -->
<#assign subject>【报销退回】${amount} 元（${purpose}）被${step}退回</#assign>
<#assign sms>【行政办公】您的报销（${amount} 元，${purpose}）被${step}退回：${comment}。请在 Tasklist「修改或撤回」中处理。</#assign>
${recipientName}，您好：

您的报销申请被退回：

  报销金额：${amount} 元
  报销事由：${purpose}
  退回环节：${step}（${reviewerName}）
  退回意见：${comment}

请在 Tasklist 的「修改或撤回」任务中修改后重新提交，或撤回本次报销。

此邮件由行政办公系统自动发送，请勿直接回复。
