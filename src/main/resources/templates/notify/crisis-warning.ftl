<#-- 危机公关 20 分钟预警 (双提醒 to pr-team and its head): model caseId, keyword, source, summary, reportedAt, minutes, impactLevel -->
<#assign subject>【舆情预警】「${keyword}」上报已 ${minutes} 分钟，尚未发布回应</#assign>
<#assign sms>【行政办公】舆情「${keyword}」（${source}）${reportedAt} 上报，已 ${minutes} 分钟未发布首次回应，<#if (minutes < 30)>距30分钟时限仅剩约 ${30 - minutes} 分钟<#else>已超过30分钟时限</#if>，请立即处置。</#assign>
${recipientName}，您好：

以下舆情上报已 ${minutes} 分钟，尚未发布首次回应，<#if (minutes < 30)>距「30分钟响应」时限不足 10 分钟<#else>已超过「30分钟响应」时限</#if>，请立即处置：

  关键词：${keyword}
  来源：${source}
  概要：${summary}
  上报时间：${reportedAt}
  影响层级：${impactLevel}
  事件编号：${caseId}

超过 30 分钟仍未回应的，系统将自动升级至单位领导。

此邮件由行政办公系统自动发送，请勿直接回复。
