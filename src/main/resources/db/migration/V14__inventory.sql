-- 物资 (platform.inventory): the items the office buys, stores, issues, lends and scraps, and every stock
-- movement. Shared by 采购 (入库), 领用 (出库, 归还) and 报废 (核销): stock changes only through
-- InventoryService, never below zero (a conditional update, and this check as the last line of defence).
create table of_inventory_item (
  id               varchar(36)   not null primary key,
  code             varchar(30)   not null,
  name             varchar(100)  not null,
  category         varchar(30)   not null,
  unit             varchar(10)   not null,
  shareable        int           not null,
  reorder_point    int           not null,
  reorder_quantity int           not null,
  stock            int           not null,
  unit_value       decimal(12,2) not null,
  active           int           not null,
  reorder_open     int           not null,
  updated_by       varchar(64)   not null,
  updated_at       datetime(3)   not null,
  constraint of_inventory_item_code unique (code),
  constraint of_inventory_item_stock check (stock >= 0)
);
create index of_inventory_item_category on of_inventory_item (category, code);

-- 出入库台账: one row per change of stock (RECEIVE 入库, ISSUE 出库, RESTOCK 归还/退库, WRITE_OFF 报废核销)
create table of_stock_movement (
  id          varchar(36)  not null primary key,
  item_id     varchar(36)  not null,
  kind        varchar(12)  not null,
  quantity    int          not null,
  stock_after int          not null,
  reason      varchar(500),
  reference   varchar(64),
  user_id     varchar(64)  not null,
  created_at  datetime(3)  not null
);
create index of_stock_movement_item on of_stock_movement (item_id, created_at);
create index of_stock_movement_reference on of_stock_movement (reference);

-- the office's common items (期初库存 as of the first start)
insert into of_inventory_item (id, code, name, category, unit, shareable, reorder_point, reorder_quantity, stock, unit_value, active, reorder_open, updated_by, updated_at) values
('7b1d0c3a-0001-4c6e-8f10-000000000001', 'BG-001', 'A4复印纸（70克，500张）', '办公用品', '包', 0, 20, 100, 120, 25.00, 1, 0, 'system', '2026-01-01 00:00:00.000'),
('7b1d0c3a-0001-4c6e-8f10-000000000002', 'BG-002', '中性签字笔（黑色0.5mm）', '办公用品', '支', 0, 50, 200, 300, 2.50, 1, 0, 'system', '2026-01-01 00:00:00.000'),
('7b1d0c3a-0001-4c6e-8f10-000000000003', 'HC-001', '激光打印机硒鼓', '耗材', '个', 0, 5, 20, 12, 380.00, 1, 0, 'system', '2026-01-01 00:00:00.000'),
('7b1d0c3a-0001-4c6e-8f10-000000000004', 'SB-001', '笔记本电脑', '办公设备', '台', 0, 2, 5, 6, 6500.00, 1, 0, 'system', '2026-01-01 00:00:00.000'),
('7b1d0c3a-0001-4c6e-8f10-000000000005', 'SB-002', '便携投影仪', '办公设备', '台', 1, 0, 0, 3, 4200.00, 1, 0, 'system', '2026-01-01 00:00:00.000'),
('7b1d0c3a-0001-4c6e-8f10-000000000006', 'SB-003', '录音笔', '办公设备', '支', 1, 0, 0, 4, 600.00, 1, 0, 'system', '2026-01-01 00:00:00.000'),
('7b1d0c3a-0001-4c6e-8f10-000000000007', 'JJ-001', '办公椅', '家具', '把', 0, 2, 10, 8, 850.00, 1, 0, 'system', '2026-01-01 00:00:00.000');
