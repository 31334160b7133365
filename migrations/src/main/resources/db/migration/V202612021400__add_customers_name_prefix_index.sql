-- staff find members by the start of their name (the console's search), ignoring case:
-- lower(name) LIKE 'prefix%' uses this index whatever the database's collation
CREATE INDEX customers_name_prefix_idx ON customers (lower(name) text_pattern_ops);
