<#-- 演练整改事项逾期 (双提醒, 责任人和应急指挥): model title, text, ownerName, due -->
<#assign subject>【整改逾期】${title}：「${text}」已过完成期限（${due}）</#assign>
<#assign sms>【行政办公】${title}的整改事项「${text}」（责任人${ownerName}）已过完成期限${due}，请尽快办结并在系统中填写整改情况。</#assign>
${recipientName}，您好：

应急演练评估提出的整改事项已过完成期限，尚未办结：

  演练：${title}
  整改事项：${text}
  责任人：${ownerName}
  完成期限：${due}

请尽快落实，并在 Tasklist 的「整改落实」任务中填写整改情况。

此邮件由行政办公系统自动发送，请勿直接回复。
