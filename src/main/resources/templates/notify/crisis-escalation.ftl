<#-- 危机公关 30 分钟升级 (to leaders and the pr-team's head): model caseId, keyword, source, summary, reportedAt, minutes, impactLevel -->
<#assign subject>【舆情升级】「${keyword}」超过30分钟未发布回应</#assign>
<#assign sms>【行政办公】舆情「${keyword}」（${source}）${reportedAt} 上报，已超过30分钟未发布首次回应（影响层级：${impactLevel}），请领导督促处置。</#assign>
${recipientName}，您好：

以下舆情上报已超过「30分钟响应」时限，仍未发布首次回应，现升级报告：

  关键词：${keyword}
  来源：${source}
  概要：${summary}
  上报时间：${reportedAt}
  影响层级：${impactLevel}
  事件编号：${caseId}

请督促品牌/舆情组和法务尽快发布回应。本事件将记入月度通报。

此邮件由行政办公系统自动发送，请勿直接回复。
