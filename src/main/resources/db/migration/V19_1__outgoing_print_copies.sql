-- PDF/A-2b and OFD print copies of a 发文, made from its .docx by the async step 生成版式文件
alter table of_outgoing_document add pdf longblob;
alter table of_outgoing_document add ofd longblob;
