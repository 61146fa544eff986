<#-- 催办: model taskName, processName, businessKey, created, due, senderName, message (optional), link (optional) -->
<#assign subject>【催办】请尽快办理：${taskName}<#if processName?has_content>（${processName}）</#if></#assign>
<#assign sms>【行政办公】${senderName}催办：请尽快办理「${taskName}」<#if due?has_content>，办理期限${due}</#if>。<#if message?has_content>留言：${message}</#if></#assign>
${recipientName}，您好：

${senderName}提醒您尽快办理以下待办事项：

  事项：${taskName}
<#if processName?has_content>
  流程：${processName}
</#if>
<#if businessKey?has_content>
  业务编号：${businessKey}
</#if>
  到达时间：${created}
<#if due?has_content>
  办理期限：${due}
</#if>
<#if message?has_content>

催办留言：${message}
</#if>

<#if link?has_content>
请登录任务列表（Tasklist）办理：${link}
<#else>
请登录任务列表（Tasklist）办理。
</#if>

此邮件由行政办公系统自动发送，请勿直接回复。
