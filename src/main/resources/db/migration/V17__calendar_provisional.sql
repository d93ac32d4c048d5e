-- A year may be loaded before its official notice is out: marked provisional (docs/calendar.md), shown as such in
-- the API and in health, until the published arrangement replaces it.
alter table calendar_year add column provisional boolean not null default false;
