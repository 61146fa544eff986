-- 采购 (procurement package): suppliers, budgets, purchase requests with their quotes and invoices.
-- Ids are UUID strings; a purchase request's id is the process business key.

-- 供应商: grade STRATEGIC (战略) | ORDINARY (普通); one main contact.
create table of_supplier (
  id             varchar(36)   not null primary key,
  name           varchar(200)  not null,
  grade          varchar(10)   not null,
  categories     varchar(500),
  contact_name   varchar(100),
  contact_phone  varchar(40),
  contact_email  varchar(200),
  address        varchar(500),
  active         boolean       not null,
  score          decimal(4,2),
  created_at     datetime(3)   not null,
  updated_at     datetime(3)   not null,
  version        int           not null
);
create unique index of_supplier_name on of_supplier (name);

-- 供应商联系人: any number per supplier (the supplier row keeps the main contact).
create table of_supplier_contact (
  id             varchar(36)   not null primary key,
  supplier_id    varchar(36)   not null,
  name           varchar(100)  not null,
  role           varchar(100),
  phone          varchar(40),
  email          varchar(200),
  created_at     datetime(3)   not null
);
create index of_supplier_contact_supplier on of_supplier_contact (supplier_id);

-- 供应商评价: scores 1–5 (quality, delivery, price, service); total = their mean.
create table of_supplier_evaluation (
  id             varchar(36)   not null primary key,
  supplier_id    varchar(36)   not null,
  quality        int           not null,
  delivery       int           not null,
  price          int           not null,
  service        int           not null,
  total          decimal(4,2)  not null,
  comment        varchar(2000),
  kind           varchar(10)   not null,
  evaluator      varchar(64)   not null,
  evaluated_at   datetime(3)   not null
);
create index of_supplier_evaluation_supplier on of_supplier_evaluation (supplier_id, evaluated_at);

-- 预算: per department (dept-* group id) and quarter (2026Q4), in yuan: rigid part (usable) and flexible part
-- (usable with the leaders' approval); committed = approved orders not yet received, used = received.
create table of_budget (
  id              varchar(36)    not null primary key,
  department_id   varchar(64)    not null,
  quarter         varchar(6)     not null,
  rigid_amount    decimal(14,2)  not null,
  flexible_amount decimal(14,2)  not null,
  committed_amount decimal(14,2) not null,
  used_amount     decimal(14,2)  not null,
  updated_by      varchar(64),
  updated_at      datetime(3)    not null,
  version         int            not null
);
create unique index of_budget_dept_quarter on of_budget (department_id, quarter);

-- 采购申请: status REQUESTED, RESEARCH, MERGED, FROM_STOCK, QUOTING, SAMPLING, APPROVING, REJECTED,
-- OVER_BUDGET, ORDERING, RECEIVING, PAYING, DONE.
create table of_purchase (
  id                   varchar(36)    not null primary key,
  process_instance_id  varchar(64)    not null,
  origin               varchar(10)    not null,
  requester            varchar(64),
  requester_name       varchar(100),
  department_id        varchar(64),
  quarter              varchar(6),
  item_id              varchar(64),
  item_name            varchar(200)   not null,
  category             varchar(50),
  quantity             int            not null,
  reason               varchar(2000),
  status               varchar(20)    not null,
  merged_into          varchar(36),
  single_source_reason varchar(2000),
  chosen_supplier_id   varchar(36),
  chosen_supplier_name varchar(200),
  chosen_amount        decimal(14,2),
  highest_amount       decimal(14,2),
  choice_reason        varchar(2000),
  approvers            varchar(200),
  budget_outcome       varchar(10),
  order_number         varchar(100),
  created_at           datetime(3)    not null,
  ordered_at           datetime(3),
  received_at          datetime(3),
  finished_at          datetime(3),
  updated_at           datetime(3)    not null
);
create index of_purchase_item on of_purchase (item_id, status);
create index of_purchase_ordered on of_purchase (ordered_at);

create table of_purchase_quote (
  id             varchar(36)    not null primary key,
  purchase_id    varchar(36)    not null,
  seq            int            not null,
  supplier_id    varchar(36)    not null,
  supplier_name  varchar(200)   not null,
  amount         decimal(14,2)  not null,
  delivery_days  int            not null,
  terms          varchar(500),
  compliant      boolean        not null,
  chosen         boolean        not null
);
create index of_purchase_quote_purchase on of_purchase_quote (purchase_id, seq);

-- 供应商发票 recorded at 验收入库, handed to 报销 as JSON.
create table of_purchase_invoice (
  id             varchar(36)    not null primary key,
  purchase_id    varchar(36)    not null,
  invoice_code   varchar(20)    not null,
  invoice_number varchar(20)    not null,
  amount         decimal(14,2)  not null,
  invoice_date   date           not null
);
create index of_purchase_invoice_purchase on of_purchase_invoice (purchase_id);
