-- A work order records the customer it serves, so its feed events keep their customer (the ?customer= filter).
alter table work_order add column customer_id uuid;
update work_order w set customer_id = t.customer_id from ticket t where t.id = w.subject_id;
update work_order w set customer_id = o.customer_id from service_order o where o.id = w.subject_id;
