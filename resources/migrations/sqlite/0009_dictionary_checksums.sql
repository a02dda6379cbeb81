-- A dictionary's own checksum (issue 21), SHA-256 over its id, kind and bytes (PayloadCodec::dictionaryChecksum): a
-- damaged dictionary is named, only the payloads that need it are unreadable. Older rows are marked 'pending' and get
-- theirs when the store next opens writable.
ALTER TABLE zstd_dictionaries ADD COLUMN checksum TEXT DEFAULT 'pending';
