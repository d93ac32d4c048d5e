-- Sign-in: a person is found by the login their token carries (docs/security.md). People created before
-- logins existed log in with their id until a login is chosen for them.
alter table person add column login varchar(64);
update person set login = id::text where login is null;
alter table person alter column login set not null;
create unique index person_login_idx on person (login);

-- Who made each change as authenticated: a person's id or service:<client> (null: the service's own work).
alter table ticket_history add column subject varchar(80);
alter table work_order_history add column subject varchar(80);
alter table service_order_history add column subject varchar(80);
alter table cutover_history add column subject varchar(80);
alter table presales_history add column subject varchar(80);
alter table service_record_history add column subject varchar(80);
