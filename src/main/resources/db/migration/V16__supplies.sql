-- 物资领用 / 以旧换新 / 共享领用 and 资产报废 (supplies package). Ids are UUID strings; a requisition's or a
-- disposal's id is its process business key. Items and stock are platform.inventory's (of_inventory_item).
-- asset_tag: the tagged asset handed out at 发放 (optional).
-- requisition kind: NORMAL 普通领用, EXCHANGE 以旧换新, SHARED 共享领用;
-- status: REQUESTED, APPROVING, ISSUING, REJECTED, ISSUED, ON_LOAN, RETURNED, REFUSED (未发放).
create table of_supplies_requisition (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64)   not null,
  requester           varchar(64)   not null,
  requester_name      varchar(100)  not null,
  department          varchar(64),
  item_id             varchar(36)   not null,
  item_name           varchar(100)  not null,
  quantity            int           not null,
  total_value         decimal(14,2) not null,
  kind                varchar(10)   not null,
  purpose             varchar(500)  not null,
  return_date         date,
  status              varchar(12)   not null,
  approved_by         varchar(64),
  old_asset_tag       varchar(64),
  old_condition       varchar(500),
  old_received_by     varchar(64),
  old_received_at     datetime(3),
  issued_by           varchar(64),
  issued_at           datetime(3),
  returned_by         varchar(64),
  returned_at         datetime(3),
  return_condition    varchar(500),
  asset_tag           varchar(64),
  created_at          datetime(3)   not null,
  updated_at          datetime(3)   not null
);
create index of_supplies_requisition_requester on of_supplies_requisition (requester, created_at);
create index of_supplies_requisition_status on of_supplies_requisition (status, return_date);

-- 资产登记: tagged assets (固定资产标签号), status IN_USE 在用 (holder), ON_LOAN 借出 (holder), IN_STOCK 在库
-- (returned: a loan back, an old item taken back at 以旧换新), SCRAPPED 已报废
create table of_supplies_asset (
  tag        varchar(64)  not null primary key,
  item_id    varchar(36),
  name       varchar(100) not null,
  status     varchar(10)  not null,
  holder     varchar(64),
  updated_at datetime(3)  not null
);

-- 资产状态变更历史
create table of_supplies_asset_history (
  id         varchar(36)  not null primary key,
  tag        varchar(64)  not null,
  status     varchar(10)  not null,
  holder     varchar(64),
  reason     varchar(500),
  reference  varchar(64),
  user_id    varchar(64)  not null,
  created_at datetime(3)  not null
);
create index of_supplies_asset_history_tag on of_supplies_asset_history (tag, created_at);

-- 资产报废: status APPRAISING, REPAIRABLE (可修复，结束), WRITING_OFF, REJECTED, DISPOSING, DISPOSED
create table of_supplies_disposal (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64)   not null,
  applicant           varchar(64)   not null,
  applicant_name      varchar(100)  not null,
  item_id             varchar(36),
  item_name           varchar(100),
  asset_tag           varchar(64),
  quantity            int           not null,
  reason              varchar(1000) not null,
  appraisal           varchar(10),
  appraisal_note      varchar(1000),
  appraised_by        varchar(64),
  book_value          decimal(14,2),
  write_off_number    varchar(40),
  written_off_by      varchar(64),
  vendor              varchar(200),
  certificate_file_id varchar(36),
  certificate_sha256  varchar(64),
  disposed_by         varchar(64),
  status              varchar(12)   not null,
  created_at          datetime(3)   not null,
  updated_at          datetime(3)   not null
);
create index of_supplies_disposal_applicant on of_supplies_disposal (applicant, created_at);

-- the office's tagged demo assets
insert into of_supplies_asset (tag, item_id, name, status, holder, updated_at) values
('ZC-2024-0001', '7b1d0c3a-0001-4c6e-8f10-000000000004', '笔记本电脑', 'IN_USE', 'zhangwei', '2026-01-01 00:00:00.000'),
('ZC-2024-0002', '7b1d0c3a-0001-4c6e-8f10-000000000004', '笔记本电脑', 'IN_USE', 'liuyang', '2026-01-01 00:00:00.000'),
('ZC-2023-0107', '7b1d0c3a-0001-4c6e-8f10-000000000003', '激光打印机', 'IN_USE', null, '2026-01-01 00:00:00.000');
