<#-- 抄送: model title, processName, taskName, senderName, comment (optional), sentAt -->
<#assign subject>【抄送】${title}</#assign>
<#assign sms>【行政办公】${senderName}抄送给您：「${title}」，请登录系统阅知。</#assign>
${recipientName}，您好：

${senderName}于${sentAt}将以下事项抄送给您阅知：

  标题：${title}
  流程：${processName}
  环节：${taskName}
<#if comment?has_content>

说明：${comment}
</#if>

请登录任务列表（Tasklist）在「抄送我的」中查看，阅后标记「已阅」。

此邮件由行政办公系统自动发送，请勿直接回复。
