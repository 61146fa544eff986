-- 保密期限 and 附注 belong to a 稿 like the other fields: each saved version records them, and the issued
-- document takes them from the version that was signed off (签发). Rows saved before this migration only had
-- them on the document: the current version gets the document's values, earlier versions stay empty (unknown).
alter table of_outgoing_version add secrecy_period varchar(20);
alter table of_outgoing_version add notes varchar(400);
update of_outgoing_version set
  secrecy_period = (select d.secrecy_period from of_outgoing_document d
                    where d.id = of_outgoing_version.document_id and d.version = of_outgoing_version.version),
  notes = (select d.notes from of_outgoing_document d
           where d.id = of_outgoing_version.document_id and d.version = of_outgoing_version.version);
