-- 风险地图 (emergency package): the office's known risks by 维度 人员/资产/声誉, with the level of the decision
-- table emergency_level (Ⅰ highest), the group that owns the response and the 异常行为监测点 that watches
-- for it. Maintained by emergency-command over REST (/api/emergency-risks), listed for everyone.
create table of_emergency_risk (
  id               varchar(36)   not null primary key,
  dimension        varchar(10)   not null,
  scenario         varchar(100)  not null,
  risk_level       varchar(4)    not null,
  owner_group      varchar(64)   not null,
  monitoring_point varchar(500),
  description      varchar(1000),
  updated_by       varchar(64)   not null,
  updated_at       datetime(3)   not null,
  constraint of_emergency_risk_scenario unique (dimension, scenario)
);

-- the seed's examples (员工突发疾病 Ⅰ级, 舆情发酵 Ⅱ级, 陌生人员徘徊 as a 监测点) and the office's other risks;
-- levels as the decision table gives them with nobody injured
insert into of_emergency_risk (id, dimension, scenario, risk_level, owner_group, monitoring_point, description, updated_by, updated_at) values
('6a0c1c2e-0001-4e1a-9a51-000000000001', '人员', '员工突发疾病', 'Ⅰ', 'emergency-command', '工位呼救、前台报告', '生命优先：拨打120，就近取用AED，通知家属', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000002', '人员', '食物中毒', 'Ⅰ', 'emergency-command', '食堂就餐后集中不适报告', '停止供餐、封存留样、送医并报告卫生部门', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000003', '人员', '暴力事件', 'Ⅰ', 'emergency-command', '前台、门岗报警按钮', '防暴处置：隔离、报警110、保护员工', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000004', '人员', '陌生人员徘徊', 'Ⅲ', 'reception', '门禁系统识别陌生人员徘徊（异常行为监测点）', '前台核实身份，必要时通知保安', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000005', '资产', '火灾', 'Ⅰ', 'emergency-command', '烟感报警、消防控制室', '断电-疏散-清点人数，拨打119', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000006', '资产', '数据泄露', 'Ⅱ', 'it-support', '外接存储介质告警、异常下载监测', '断开涉事设备网络，保全日志，评估影响范围', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000007', '资产', '停电', 'Ⅲ', 'it-support', '配电房告警、UPS告警', '启用备用电源，保护服务器与在办数据', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000008', '资产', '设备故障', 'Ⅲ', 'it-support', '设备巡检、报修记录', '启用备用设备，联系维保单位', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000009', '声誉', '舆情发酵', 'Ⅱ', 'pr-team', '舆情监测系统关键词预警', '30分钟内发布首次回应，联合法务、品牌制定回应策略', 'system', '2026-01-01 00:00:00.000'),
('6a0c1c2e-0001-4e1a-9a51-000000000010', '声誉', '负面评论', 'Ⅲ', 'pr-team', '舆情监测系统关键词预警', '核实情况，必要时回应', 'system', '2026-01-01 00:00:00.000');
