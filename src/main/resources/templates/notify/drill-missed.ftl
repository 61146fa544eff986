<#-- 季度未完成应急演练 (双提醒, 单位领导): model quarterLabel, quarterEnd, openDrills -->
<#assign subject>【应急演练】${quarterLabel}未完成应急演练</#assign>
<#assign sms>【行政办公】${quarterLabel}（截至${quarterEnd}）没有完成评估的应急演练<#if openDrills?has_content>，未完成：${openDrills}</#if>。请督促应急指挥组织补做。</#assign>
${recipientName}，您好：

按照每季度组织消防、防暴等应急演练的要求，${quarterLabel}（截至 ${quarterEnd}）没有完成评估的应急演练。

<#if openDrills?has_content>
本季度已发起但未完成的演练：${openDrills}
<#else>
本季度没有发起任何应急演练。
</#if>

请督促应急指挥组织补做演练。季度演练情况见 /api/emergencies/drills。

此邮件由行政办公系统自动发送，请勿直接回复。
