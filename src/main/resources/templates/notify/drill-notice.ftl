<#-- 应急演练通知 (双提醒, 全体员工): model title, drillId, drillType, plannedDate, plannedTime, place, scenario, organiserName -->
<#assign subject>【应急演练】${plannedDate}<#if plannedTime?has_content> ${plannedTime}</#if> ${drillType}演练（${place}）</#assign>
<#assign sms>【行政办公】${plannedDate}<#if plannedTime?has_content> ${plannedTime}</#if>在${place}举行${drillType}演练，组织人${organiserName}。届时请听从指挥、按疏散路线撤离并到集合点报到。</#assign>
${recipientName}，您好：

单位将组织${title}，请全体员工准时参加：

  演练类型：${drillType}
  时间：${plannedDate}<#if plannedTime?has_content> ${plannedTime}</#if>
  地点：${place}
  组织人：${organiserName}
  演练场景：${scenario}

演练信号发出后请立即停止工作，听从现场指挥，沿疏散路线有序撤离，到集合点后向本部门负责人报到，配合清点人数。

此邮件由行政办公系统自动发送，请勿直接回复。
