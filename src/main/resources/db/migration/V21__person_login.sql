-- Sign-in: a person is found by the login their token carries (docs/security.md). People created before
-- logins existed log in with their id until a login is chosen for them.
alter table person add column login varchar(64);
update person set login = id::text where login is null;
alter table person alter column login set not null;
create unique index person_login_idx on person (login);
