-- A page that gives no publication date is stored as a draft that needs one (never dated today):
-- only drafts may lack a date; publishing and scheduling refuse until an editor supplies it.
alter table article alter column published_on drop not null;
