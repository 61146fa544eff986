-- 采购: the purchase number (采购〔2026〕12号, allocated gaplessly per year at the request) and the archive
-- entry of a completed purchase's 采购记录 (hash chain, platform archive).
alter table of_purchase add column purchase_number varchar(40);
alter table of_purchase add column archive_entry_id varchar(36);
create unique index of_purchase_number on of_purchase (purchase_number);
