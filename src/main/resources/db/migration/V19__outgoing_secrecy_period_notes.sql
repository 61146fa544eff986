-- GB/T 9704 7.2.2 保密期限 (秘密/机密 only, optional) and 7.3.7 附注 (required on 请示) of a 发文
alter table of_outgoing_document add secrecy_period varchar(20);
alter table of_outgoing_document add notes varchar(400);
