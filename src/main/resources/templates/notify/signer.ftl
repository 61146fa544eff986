<#-- 加签: model title, processName, taskName, senderName, before (boolean), comment, sentAt -->
<#assign subject>【加签】${title}</#assign>
<#assign sms>【行政办公】${senderName}请您审批「${title}」的「${taskName}」，请登录系统办理。</#assign>
${recipientName}，您好：

${senderName}于${sentAt}请您一并审批以下事项（加签）：

  标题：${title}
  流程：${processName}
  环节：${taskName}
<#if before>
  方式：前加签，请您先于本环节审批，审批后回到${senderName}办理。
<#else>
  方式：后加签，待${senderName}审批本环节后由您审批，届时任务列表中会出现您的审批任务。
</#if>

说明：${comment}

请登录任务列表（Tasklist），在「加签：${taskName}」任务中填写同意或退回及意见。

此邮件由行政办公系统自动发送，请勿直接回复。
