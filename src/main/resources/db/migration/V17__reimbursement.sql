-- 报销 (reimbursement package). Ids are UUID strings; the claim's id is the process business key.
-- status: FIRST_REVIEW, SECOND_REVIEW, LEADER_APPROVAL, PAYMENT, REVISING, PAID, WITHDRAWN.
-- amount in yuan with two decimals (fen); invoices: the claim's invoices as a JSON array (what was submitted).
create table of_reimbursement (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64)   not null,
  applicant           varchar(64)   not null,
  applicant_name      varchar(100),
  procurement_id      varchar(64),
  amount              decimal(14,2) not null,
  purpose             varchar(1000) not null,
  invoices            varchar(8000) not null,
  invoice_count       int           not null,
  status              varchar(20)   not null,
  first_reviewer      varchar(64),
  second_reviewer     varchar(64),
  leader              varchar(64),
  paid_on             date,
  payment_method      varchar(20),
  payment_reference   varchar(100),
  paid_by             varchar(64),
  paid_at             datetime(3),
  created_at          datetime(3)   not null,
  updated_at          datetime(3)   not null
);
create index ix_reimbursement_applicant on of_reimbursement (applicant);
create index ix_reimbursement_status on of_reimbursement (status);

-- One row per invoice of an open or paid claim: invoice_key is the 20-digit 数电发票 number, or
-- 发票代码-发票号码 for a traditional invoice. The unique key makes "one invoice, one claim" hold under
-- concurrency; a withdrawn claim deletes its rows (the invoice may be claimed again).
create table of_reimbursement_invoice (
  invoice_key         varchar(40)   not null,
  reimbursement_id    varchar(36)   not null,
  position            int           not null,
  invoice_code        varchar(12),
  invoice_number      varchar(20)   not null,
  amount              decimal(14,2) not null,
  issued_on           date          not null,
  constraint uk_reimbursement_invoice unique (invoice_key)
);
create index ix_reimbursement_invoice_claim on of_reimbursement_invoice (reimbursement_id);
