-- Nodes follow each other's edits by polling articles updated since their last look.
create index article_updated on article(updated_at);
