-- An article's body (sections, blocks, cells, credits) is stored once: as the JSON of its current
-- revision in article_revision, which every save has written since V1. These four tables held a
-- second copy that no query read; reading an article is now one query instead of ten.
drop table article_block_text;
drop table article_block;
drop table article_section;
drop table article_credit;
