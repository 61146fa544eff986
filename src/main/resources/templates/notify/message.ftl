<#-- 通用通知: model title, text, link (optional) -->
<#assign subject>${title}</#assign>
<#assign sms>【行政办公】${title}：${text}</#assign>
${recipientName}，您好：

${text}
<#if link?has_content>

详情：${link}
</#if>

此邮件由行政办公系统自动发送，请勿直接回复。
