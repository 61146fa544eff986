<#-- 特急/加急收文待拟办 (双提醒 to the office director): model receiptNumber, title, senderOrg, urgency, deadlineDays -->
<#assign subject>【${urgency}收文】${receiptNumber}「${title}」待拟办</#assign>
<#assign sms>【行政办公】${urgency}收文${receiptNumber}「${title}」（${senderOrg}）已登记，请尽快拟办；默认办理期限${deadlineDays}个工作日。</#assign>
${recipientName}，您好：

有一份${urgency}收文已登记并上传扫描件，等待您拟办：

  收文编号：${receiptNumber}
  来文单位：${senderOrg}
  标题：${title}
  紧急程度：${urgency}（默认办理期限 ${deadlineDays} 个工作日）

请登录行政办公系统，在 Tasklist 的「拟办」任务中办理。

此邮件由行政办公系统自动发送，请勿直接回复。
