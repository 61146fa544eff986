-- which version of the business record (e.g. the 发文 draft, 第 N 稿) each decision was about
alter table of_review add column subject_version int;
