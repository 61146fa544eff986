<#-- 报销已付款 (邮件, 申请人): model amount, purpose, paidOn, method, reference -->
<#assign subject>【报销已付款】${amount} 元（${purpose}）</#assign>
<#assign sms>【行政办公】您的报销（${amount} 元，${purpose}）已于 ${paidOn} 通过${method}付款。</#assign>
${recipientName}，您好：

您的报销已付款：

  报销金额：${amount} 元
  报销事由：${purpose}
  付款日期：${paidOn}
  付款方式：${method}
  付款凭证号：${reference}

此邮件由行政办公系统自动发送，请勿直接回复。
